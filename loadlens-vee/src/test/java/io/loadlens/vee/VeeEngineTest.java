package io.loadlens.vee;

import static io.loadlens.vee.Fixtures.STEP;
import static io.loadlens.vee.Fixtures.T0;
import static io.loadlens.vee.Fixtures.constant;
import static io.loadlens.vee.Fixtures.input;
import static io.loadlens.vee.Fixtures.intervals;
import static io.loadlens.vee.Fixtures.register;
import static io.loadlens.vee.Fixtures.run;
import static io.loadlens.vee.Fixtures.utc;
import static io.loadlens.vee.Fixtures.wavy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VeeEngineTest {

  private static double[] cumulative(double[] v) {
    double[] r = new double[v.length + 1];
    r[0] = 10_000;
    for (int i = 0; i < v.length; i++) {
      r[i + 1] = r[i] + v[i];
    }
    return r;
  }

  private static ValidatedSeries only(VeeResult r) {
    assertThat(r.series()).hasSize(1);
    return r.series().get(0);
  }

  @Test
  void derivesIntervalEnergyFromCumulativeRegisterWithoutFindings() {
    double[] v = wavy(96);
    VeeResult r = run(input(utc(), T0, 96).channel(register(T0, cumulative(v), null)).build());
    ValidatedSeries s = only(r);
    assertThat(s.obis()).isEqualTo(ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL);
    assertThat(s.values()).containsExactly(v, within(1e-9));
    assertThat(s.count(Quality.VALID)).isEqualTo(96);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void interpolatesShortGapAndReportsMissingProfileEntries() {
    double[] v = wavy(96);
    double[] raw = v.clone();
    raw[10] = raw[11] = raw[12] = Double.NaN;
    VeeResult r = run(input(utc(), T0, 96).channel(intervals(T0, raw, null)).build());
    ValidatedSeries s = only(r);
    assertThat(s.values()[11]).isCloseTo(v[9] + (v[13] - v[9]) * 2 / 4, within(1e-9));
    assertThat(s.quality()[11]).isEqualTo(Quality.ESTIMATED);
    assertThat(s.method()[11]).isEqualTo(EstimationMethod.INTERPOLATED);
    assertThat(ValidationReason.MISSING.in(s.reasons()[10])).isTrue();
    assertThat(ValidationReason.LONG_GAP.in(s.reasons()[10])).isFalse();
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(MeterEvent.Kind.GAP);
              assertThat(e.code()).isEqualTo(OperatorCode.PROFILE_ENTRY_MISSING);
              assertThat(e.start()).isEqualTo(T0.plusSeconds(10 * STEP));
              assertThat(e.end()).isEqualTo(T0.plusSeconds(13 * STEP));
              assertThat(e.detail()).contains("3 intervals missing", "INTERPOLATED");
            });
    assertThat(r.summary().count(EstimationMethod.INTERPOLATED)).isEqualTo(3);
    assertThat(r.summary().estimatedPercent()).isCloseTo(300.0 / 96, within(1e-9));
  }

  @Test
  void proratesRegisterTotalAcrossLongCumulativeGapAndMarksItForBilling() {
    double[] reg = cumulative(wavy(96));
    double total = reg[31] - reg[20];
    for (int k = 21; k <= 30; k++) {
      reg[k] = Double.NaN;
    }
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(register(T0, reg, null)).build()));
    double sum = 0;
    for (int i = 20; i <= 30; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.REGISTER_PRORATED);
      assertThat(s.values()[i]).isCloseTo(total / 11, within(1e-9)); // no profile: shared evenly
      assertThat(ValidationReason.LONG_GAP.in(s.reasons()[i])).isTrue();
      sum += s.values()[i];
    }
    assertThat(sum).isCloseTo(total, within(1e-6));
  }

  @Test
  void shortCumulativeGapTakesInterpolationShapeScaledToRegisterTotal() {
    double[] v = wavy(96);
    double[] reg = cumulative(v);
    reg[51] = reg[52] = Double.NaN; // slots 50..52 unknown, their sum known
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(register(T0, reg, null)).build()));
    assertThat(s.values()[50] + s.values()[51] + s.values()[52])
        .isCloseTo(v[50] + v[51] + v[52], within(1e-6));
    assertThat(s.method()[51]).isEqualTo(EstimationMethod.REGISTER_PRORATED);
    assertThat(s.values()[51] / s.values()[50])
        .isCloseTo((v[49] + (v[53] - v[49]) * 2 / 4) / (v[49] + (v[53] - v[49]) / 4), within(1e-9));
  }

  @Test
  void neverAnchorsInterpolationOnAnOutageInterval() {
    double[] v = wavy(96);
    double[] raw = v.clone();
    raw[11] = raw[12] = Double.NaN;
    int[] status = new int[96];
    status[10] = ProfileStatus.POWER_DOWN;
    VeeResult r = run(input(utc(), T0, 96).channel(intervals(T0, raw, status)).build());
    ValidatedSeries s = only(r);
    assertThat(s.quality()[10]).isEqualTo(Quality.SUSPECT);
    assertThat(s.values()[10]).isEqualTo(v[10]); // kept, never altered
    assertThat(s.values()[11]).isCloseTo(v[9] + (v[13] - v[9]) * 2 / 4, within(1e-9));
    assertThat(r.findings()).extracting(MeterEvent::kind).contains(MeterEvent.Kind.OUTAGE);
  }

  @Test
  void shortGapInAZeroRunIsInterpolatedFromTheKeptZeros() {
    double[] raw = java.util.Arrays.copyOf(wavy(288), 288);
    for (int i = 10; i < 250; i++) {
      raw[i] = 0; // 60 hours without consumption: suspect, kept as it is
    }
    raw[130] = Double.NaN; // one interval lost inside the run (30 hours of zeros on each side)
    raw[249] = Double.NaN; // and the last one of the run
    ValidatedSeries s = only(run(input(utc(), T0, 288).channel(intervals(T0, raw, null)).build()));
    assertThat(s.quality()[129]).isEqualTo(Quality.SUSPECT);
    assertThat(s.method()[130]).isEqualTo(EstimationMethod.INTERPOLATED);
    assertThat(s.values()[130]).isZero();
    assertThat(s.values()[249]).isCloseTo(raw[250] / 2, within(1e-9));
  }

  @Test
  void shortGapNextToAFlatLineIsInterpolatedFromIt() {
    double[] raw = java.util.Arrays.copyOf(wavy(96), 96);
    for (int i = 20; i < 60; i++) {
      raw[i] = 77; // ten hours of one value: suspect, kept as it is
    }
    raw[60] = Double.NaN;
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(intervals(T0, raw, null)).build()));
    assertThat(ValidationReason.FLAT_LINE.in(s.reasons()[59])).isTrue();
    assertThat(s.values()[60]).isCloseTo((77 + raw[61]) / 2, within(1e-9));
  }

  @Test
  void gapClosedByPowerDownRowIsAnOutage() {
    double[] raw = wavy(96);
    raw[30] = raw[31] = Double.NaN;
    int[] status = new int[96];
    status[32] = ProfileStatus.POWER_DOWN;
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(intervals(T0, raw, status)).build()));
    assertThat(ValidationReason.OUTAGE.in(s.reasons()[30])).isTrue();
    assertThat(s.values()[30]).isCloseTo(raw[29] + (raw[33] - raw[29]) / 4, within(1e-9));
  }

  @Test
  void replacesHardwareFaultIntervalAndReportsOperatorCode01() {
    double[] raw = wavy(96);
    raw[20] = 480;
    int[] status = new int[96];
    status[20] = ProfileStatus.CRITICAL_ERROR;
    VeeResult r = run(input(utc(), T0, 96).channel(intervals(T0, raw, status)).build());
    ValidatedSeries s = only(r);
    assertThat(s.values()[20]).isCloseTo((raw[19] + raw[21]) / 2, within(1e-9));
    assertThat(ValidationReason.HARDWARE_FAULT.in(s.reasons()[20])).isTrue();
    MeterEvent e =
        r.findings().stream()
            .filter(x -> x.kind() == MeterEvent.Kind.HARDWARE_FAULT)
            .findFirst()
            .orElseThrow();
    assertThat(e.code().label()).isEqualTo("0x01");
  }

  @Test
  void flagsNegativeConsumptionWhenRegisterGoesBackwards() {
    double[] reg = cumulative(wavy(96));
    reg[40] -= 200;
    VeeResult r = run(input(utc(), T0, 96).channel(register(T0, reg, null)).build());
    ValidatedSeries s = only(r);
    assertThat(ValidationReason.NEGATIVE.in(s.reasons()[39])).isTrue();
    assertThat(s.quality()[39]).isEqualTo(Quality.ESTIMATED);
    assertThat(s.values()[39]).isPositive();
    assertThat(r.findings()).anySatisfy(e -> assertThat(e.detail()).contains("negative"));
  }

  @Test
  void spikeRuleComparesHighestWithThirdHighest() {
    double[] raw = wavy(96);
    raw[50] = 5000;
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(intervals(T0, raw, null)).build()));
    assertThat(ValidationReason.SPIKE.in(s.reasons()[50])).isTrue();
    assertThat(s.values()[50]).isCloseTo((raw[49] + raw[51]) / 2, within(1e-9));

    double[] few = java.util.Arrays.copyOf(wavy(96), 16);
    few[5] = 5000; // fewer than 20 intervals: the rule does not apply
    ValidatedSeries f = only(run(input(utc(), T0, 16).channel(intervals(T0, few, null)).build()));
    assertThat(ValidationReason.SPIKE.in(f.reasons()[5])).isFalse();
  }

  @Test
  void zeroRunsAndFlatLinesAreSuspectButKept() {
    double[] raw = java.util.Arrays.copyOf(wavy(192), 192);
    for (int i = 10; i < 110; i++) {
      raw[i] = 0;
    }
    for (int i = 120; i < 160; i++) {
      raw[i] = 77;
    }
    VeeResult r = run(input(utc(), T0, 192).channel(intervals(T0, raw, null)).build());
    ValidatedSeries s = only(r);
    assertThat(ValidationReason.ZERO_RUN.in(s.reasons()[50])).isTrue();
    assertThat(ValidationReason.FLAT_LINE.in(s.reasons()[130])).isTrue();
    assertThat(s.quality()[50]).isEqualTo(Quality.SUSPECT);
    assertThat(s.values()[130]).isEqualTo(77);
    assertThat(ValidationReason.ZERO_RUN.in(s.reasons()[5])).isFalse();
  }

  @Test
  void demandAboveConnectionCapacityIsReplaced() {
    double[] raw = wavy(96);
    raw[30] = 1500; // 6 kW over a quarter hour on a 4 kW connection
    ValidatedSeries s =
        only(
            run(
                input(Fixtures.info(java.time.ZoneOffset.UTC, 4), T0, 96)
                    .channel(intervals(T0, raw, null))
                    .build()));
    assertThat(ValidationReason.ABOVE_CAPACITY.in(s.reasons()[30])).isTrue();
    assertThat(s.quality()[30]).isEqualTo(Quality.ESTIMATED);
  }

  @Test
  void snapsSmallClockOffsetsAndFlagsDuplicatesAndConflicts() {
    double[] v = wavy(8);
    long base = T0.getEpochSecond();
    long[] t = {
      base + 900, base + 1800, base + 1810, base + 2700, base + 3600, base + 3610, base + 4500
    };
    double[] vals = {v[0], v[1], v[1], v[2], v[3], v[3] + 40, v[4]};
    var series =
        io.loadlens.model.IntervalSeries.of(
            Fixtures.METER,
            ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
            io.loadlens.model.Unit.WATT_HOUR,
            t,
            vals);
    VeeResult r = run(input(utc(), T0, 5).channel(series).build());
    ValidatedSeries s = only(r);
    assertThat(ValidationReason.DUPLICATE.in(s.reasons()[1])).isTrue();
    assertThat(s.quality()[1]).isEqualTo(Quality.VALID);
    assertThat(ValidationReason.CONFLICT.in(s.reasons()[3])).isTrue();
    assertThat(s.quality()[3]).isEqualTo(Quality.ESTIMATED);
  }

  @Test
  void captureFarOffTheGridIsNotPlacedAndReportedAsClockProblem() {
    double[] v = wavy(16);
    long base = T0.getEpochSecond();
    long[] t = new long[16];
    for (int i = 0; i < 16; i++) {
      t[i] = base + (i + 1) * 900L + (i == 8 ? 120 : 0);
    }
    var series =
        io.loadlens.model.IntervalSeries.of(
            Fixtures.METER,
            ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
            io.loadlens.model.Unit.WATT_HOUR,
            t,
            v);
    VeeResult r = run(input(utc(), T0, 16).channel(series).build());
    ValidatedSeries s = only(r);
    assertThat(ValidationReason.CLOCK_SHIFT.in(s.reasons()[8])).isTrue();
    assertThat(s.method()[8]).isEqualTo(EstimationMethod.INTERPOLATED);
    assertThat(r.findings()).extracting(MeterEvent::kind).contains(MeterEvent.Kind.CLOCK);
  }

  @Test
  void forwardFillsOnlyWhereThereIsNoRightAnchorAndLeavesUnfillableGapsMissing() {
    double[] raw = wavy(96);
    raw[93] = raw[94] = raw[95] = Double.NaN;
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(intervals(T0, raw, null)).build()));
    assertThat(s.method()[95]).isEqualTo(EstimationMethod.FORWARD_FILLED);
    assertThat(s.values()[95]).isEqualTo(raw[92]);

    double[] nothing = constant(96, Double.NaN);
    nothing[10] = 50; // the only reading is a hardware fault: no valid interval at all
    int[] status = new int[96];
    status[10] = ProfileStatus.CRITICAL_ERROR;
    VeeResult r = run(input(utc(), T0, 96).channel(intervals(T0, nothing, status)).build());
    assertThat(only(r).quality()[80]).isEqualTo(Quality.MISSING);
    assertThat(only(r).values()[80]).isNaN();
    assertThat(r.findings()).anySatisfy(e -> assertThat(e.detail()).contains("not estimated"));
  }

  @Test
  void longTailWithoutAnyProfileIsCarriedForwardNotLeftMissing() {
    double[] tail = wavy(96);
    for (int i = 70; i < 96; i++) {
      tail[i] = Double.NaN; // no history, no segment profile, no value at these times of day
    }
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(intervals(T0, tail, null)).build()));
    for (int i = 70; i < 96; i++) {
      assertThat(s.quality()[i]).isEqualTo(Quality.ESTIMATED);
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.FORWARD_FILLED);
      assertThat(s.values()[i]).isEqualTo(tail[69]);
      assertThat(ValidationReason.LONG_GAP.in(s.reasons()[i])).isTrue();
    }
  }

  @Test
  void longGapWithoutAnyProfileIsInterpolatedBetweenItsNeighbours() {
    double[] raw = wavy(96);
    for (int i = 30; i < 60; i++) {
      raw[i] = Double.NaN; // one day only: these times of day were never read
    }
    ValidatedSeries s = only(run(input(utc(), T0, 96).channel(intervals(T0, raw, null)).build()));
    for (int i = 30; i < 60; i++) {
      double expected = raw[29] + (raw[60] - raw[29]) * (i - 29) / 31.0;
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.INTERPOLATED);
      assertThat(s.values()[i]).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void aZeroExportRunIsNormalAndNotSuspect() {
    double[] reg = cumulative(wavy(192));
    double[] flatExport = new double[193];
    java.util.Arrays.fill(flatExport, 5_000);
    var export =
        new io.loadlens.model.IntervalSeries(
            Fixtures.METER,
            ObisCode.ACTIVE_ENERGY_EXPORT,
            io.loadlens.model.Unit.WATT_HOUR,
            register(T0, flatExport, null).epochSeconds(),
            flatExport,
            new int[193]);
    VeeResult r =
        run(input(utc(), T0, 192).channel(register(T0, reg, null)).channel(export).build());
    ValidatedSeries exp = r.series(ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL).orElseThrow();
    assertThat(exp.values()[100]).isZero();
    assertThat(ValidationReason.ZERO_RUN.in(exp.reasons()[100])).isFalse();
    assertThat(exp.count(Quality.SUSPECT)).isZero();
  }

  @Test
  void readsExportRegisterIntoExportIntervalChannel() {
    double[] reg = cumulative(wavy(96));
    var export =
        new io.loadlens.model.IntervalSeries(
            Fixtures.METER,
            ObisCode.ACTIVE_ENERGY_EXPORT,
            io.loadlens.model.Unit.WATT_HOUR,
            register(T0, reg, null).epochSeconds(),
            register(T0, reg, null).values(),
            new int[97]);
    VeeResult r =
        run(input(utc(), T0, 96).channel(register(T0, reg, null)).channel(export).build());
    assertThat(r.series())
        .extracting(ValidatedSeries::obis)
        .containsExactly(
            ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL);
  }

  @Test
  void registerCheckComparesIntervalSumWithRegisterAdvance() {
    double[] v = wavy(96);
    double[] reg = cumulative(v);
    double[] reads = new double[97];
    java.util.Arrays.fill(reads, Double.NaN);
    reads[0] = reg[0];
    reads[96] = reg[96] + 500; // the register advanced 500 Wh more than the intervals say
    VeeResult bad =
        run(
            input(utc(), T0, 96)
                .channel(intervals(T0, v, null))
                .channel(register(T0, reads, null))
                .build());
    assertThat(bad.findings())
        .anySatisfy(e -> assertThat(e.detail()).contains("register advanced"));
    reads[96] = reg[96];
    VeeResult good =
        run(
            input(utc(), T0, 96)
                .channel(intervals(T0, v, null))
                .channel(register(T0, reads, null))
                .build());
    assertThat(good.findings()).isEmpty();
  }

  @Test
  void intervalGapBetweenRegisterReadsGetsTheRegisterTotal() {
    double[] v = wavy(96);
    double[] raw = v.clone();
    raw[40] = raw[41] = Double.NaN;
    VeeResult r =
        run(
            input(utc(), T0, 96)
                .channel(intervals(T0, raw, null))
                .channel(register(T0, cumulative(v), null))
                .build());
    ValidatedSeries s = only(r);
    assertThat(s.method()[40]).isEqualTo(EstimationMethod.REGISTER_PRORATED);
    assertThat(s.values()[40] + s.values()[41]).isCloseTo(v[40] + v[41], within(1e-6));
  }

  @Test
  void rerunIsIdempotentVersionedAndLeavesRawDataAlone() {
    double[] raw = wavy(96);
    raw[5] = Double.NaN;
    var series = intervals(T0, raw, null);
    var copy = intervals(T0, raw, null);
    VeeInput in = input(utc(), T0, 96).channel(series).build();
    VeeResult first = run(in);
    VeeResult second = run(in);
    assertThat(second).isEqualTo(first);
    assertThat(series).isEqualTo(copy);
    assertThat(only(first).veeVersion()).startsWith(VeeEngine.VEE_VERSION + "+");
    VeeEngine other =
        new VeeEngine(
            VeeConfig.builder().interpolationLimit(java.time.Duration.ofHours(1)).build());
    assertThat(other.version()).isNotEqualTo(new VeeEngine(VeeConfig.defaults()).version());
  }

  @Test
  void instantInputsOnlyOnTheGrid() {
    Instant off = T0.plusSeconds(7);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                VeeInput.builder(
                        utc(), java.time.Duration.ofSeconds(STEP), off, off.plusSeconds(1000))
                    .channel(intervals(T0, wavy(4), null))
                    .build())
        .hasMessageContaining("not a whole number of");
  }
}
