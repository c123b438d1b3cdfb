package io.loadlens.vee;

import static io.loadlens.vee.Fixtures.STEP;
import static io.loadlens.vee.Fixtures.T0;
import static io.loadlens.vee.Fixtures.input;
import static io.loadlens.vee.Fixtures.intervals;
import static io.loadlens.vee.Fixtures.run;
import static io.loadlens.vee.Fixtures.utc;
import static io.loadlens.vee.Fixtures.wavy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VeeCalendarAndEditTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static VeeResult localDay(LocalDate day) {
    Instant from = day.atStartOfDay(AMSTERDAM).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
    int n = (int) ((to.getEpochSecond() - from.getEpochSecond()) / STEP);
    return run(
        input(Fixtures.info(AMSTERDAM, 0), from, n)
            .channel(intervals(from, wavy(n), null))
            .build());
  }

  @Test
  void springForwardDayInAmsterdamHas92IntervalsAndNoGap() {
    VeeResult r = localDay(LocalDate.of(2024, 3, 31));
    assertThat(r.series().get(0).size()).isEqualTo(92);
    assertThat(r.series().get(0).count(Quality.VALID)).isEqualTo(92);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void fallBackDayInAmsterdamHas100IntervalsAndNoGap() {
    VeeResult r = localDay(LocalDate.of(2024, 10, 27));
    assertThat(r.series().get(0).size()).isEqualTo(100);
    assertThat(r.series().get(0).count(Quality.VALID)).isEqualTo(100);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void holeOfExactlyTheSpringShiftIsReportedAsLocalTimeStamping() {
    Instant from = Instant.parse("2024-03-30T00:00:00Z");
    double[] raw = wavy(192);
    for (int i = 100; i < 104; i++) { // 2024-03-31T01:00Z .. 02:00Z, the skipped local hour
      raw[i] = Double.NaN;
    }
    VeeResult r =
        run(
            input(Fixtures.info(AMSTERDAM, 0), from, 192)
                .channel(intervals(from, raw, null))
                .build());
    assertThat(ValidationReason.DST_HOLE.in(r.series().get(0).reasons()[101])).isTrue();
    assertThat(r.findings())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(MeterEvent.Kind.CLOCK);
              assertThat(e.detail()).contains("DST");
            });
  }

  @Test
  void replayedLocalHourAtFallBackIsReplaced() {
    Instant from = Instant.parse("2024-10-26T00:00:00Z");
    double[] raw = wavy(192);
    System.arraycopy(raw, 96, raw, 100, 4); // the hour after 01:00Z repeats the hour before
    ValidatedSeries s =
        run(input(Fixtures.info(AMSTERDAM, 0), from, 192)
                .channel(intervals(from, raw, null))
                .build())
            .series()
            .get(0);
    assertThat(ValidationReason.DST_DUPLICATE.in(s.reasons()[100])).isTrue();
    assertThat(s.quality()[100]).isEqualTo(Quality.ESTIMATED);
    assertThat(ValidationReason.DST_DUPLICATE.in(s.reasons()[99])).isFalse();
  }

  private static ValidatedSeries history(Instant from, int days, double[] day) {
    int n = days * 96;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = from.getEpochSecond() + (long) i * STEP;
      v[i] = day[i % 96];
    }
    Quality[] q = new Quality[n];
    java.util.Arrays.fill(q, Quality.VALID);
    return new ValidatedSeries(
        Fixtures.METER,
        ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
        io.loadlens.model.Unit.WATT_HOUR,
        STEP,
        t,
        v,
        q,
        new EstimationMethod[n],
        new long[n],
        "test");
  }

  @Test
  void longGapIsEstimatedFromSimilarDaysOfTheMetersHistory() {
    double[] day = Fixtures.smoothDay(96);
    double[] raw = day.clone();
    for (int i = 40; i < 60; i++) {
      raw[i] = Double.NaN;
    }
    VeeResult r =
        run(
            input(utc(), T0, 96)
                .channel(intervals(T0, raw, null))
                .history(history(T0.minus(Duration.ofDays(14)), 14, day))
                .build());
    ValidatedSeries s = r.series().get(0);
    for (int i = 40; i < 60; i++) {
      assertThat(s.method()[i]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
      assertThat(s.values()[i]).isCloseTo(day[i], within(0.2));
      assertThat(ValidationReason.LONG_GAP.in(s.reasons()[i])).isTrue();
    }
  }

  @Test
  void newMeterLongGapUsesSegmentProfileScaledToItsLevel() {
    double[] shape = wavy(96);
    double[] raw = new double[96];
    for (int i = 0; i < 96; i++) {
      raw[i] = i >= 40 && i < 60 ? Double.NaN : 2 * shape[i];
    }
    VeeResult r =
        run(
            input(utc(), T0, 96)
                .channel(intervals(T0, raw, null))
                .segmentProfile(SegmentProfile.flatWeek(STEP, shape))
                .build());
    ValidatedSeries s = r.series().get(0);
    assertThat(s.method()[50]).isEqualTo(EstimationMethod.PROFILE_ESTIMATED);
    assertThat(s.values()[50]).isCloseTo(2 * shape[50], within(1e-6));
  }

  @Test
  void manualEditsBecomeEditedManualAndKeepTheirReasons() {
    double[] raw = wavy(96);
    raw[7] = Double.NaN;
    VeeInput in =
        input(utc(), T0, 96)
            .channel(intervals(T0, raw, null))
            .edit(
                new ManualEdit(
                    ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
                    T0.plusSeconds(7 * STEP),
                    123.0,
                    "alice",
                    "customer read"))
            .build();
    VeeResult r = run(in);
    ValidatedSeries s = r.series().get(0);
    assertThat(s.values()[7]).isEqualTo(123.0);
    assertThat(s.quality()[7]).isEqualTo(Quality.EDITED);
    assertThat(s.method()[7]).isEqualTo(EstimationMethod.MANUAL);
    assertThat(ValidationReason.MISSING.in(s.reasons()[7])).isTrue();
    assertThat(VeeEditor.apply(s, in.edits())).isEqualTo(s); // applying again changes nothing
  }

  @Test
  void editOffTheGridIsRejectedNamingTheEdit() {
    ValidatedSeries s =
        run(input(utc(), T0, 96).channel(intervals(T0, wavy(96), null)).build()).series().get(0);
    ManualEdit bad =
        new ManualEdit(
            ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, T0.plusSeconds(100), 1, "bob", "typo");
    assertThatThrownBy(() -> VeeEditor.apply(s, List.of(bad)))
        .hasMessageContaining("ManualEdit.intervalStart")
        .hasMessageContaining("bob");
    assertThatThrownBy(
            () -> new ManualEdit(ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, T0, 1, "bob", " "))
        .hasMessageContaining("ManualEdit.reason");
  }

  @Test
  void invalidConfigurationNamesTheField() {
    assertThatThrownBy(() -> VeeConfig.builder().interpolationLimit(Duration.ZERO).build())
        .hasMessageContaining("VeeConfig.interpolationLimit");
    assertThatThrownBy(() -> VeeConfig.builder().spike(20, -1, Duration.ofDays(1)).build())
        .hasMessageContaining("VeeConfig.spikeThreshold");
  }

  @Test
  void disabledCheckNeverSetsItsReason() {
    double[] raw = wavy(96);
    raw[50] = 5000;
    VeeEngine engine = new VeeEngine(VeeConfig.builder().disable(ValidationReason.SPIKE).build());
    ValidatedSeries s =
        engine.run(input(utc(), T0, 96).channel(intervals(T0, raw, null)).build()).series().get(0);
    assertThat(s.quality()[50]).isEqualTo(Quality.VALID);
  }

  @Test
  void fleetSummaryAddsUpMeterSummaries() {
    double[] raw = wavy(96);
    raw[3] = Double.NaN;
    VeeSummary one = run(input(utc(), T0, 96).channel(intervals(T0, raw, null)).build()).summary();
    FleetSummary fleet = FleetSummary.of(List.of(one, one));
    assertThat(fleet.meters()).isEqualTo(2);
    assertThat(fleet.intervals()).isEqualTo(192);
    assertThat(fleet.count(ValidationReason.MISSING)).isEqualTo(2);
    assertThat(fleet.count(EstimationMethod.INTERPOLATED)).isEqualTo(2);
    assertThat(fleet.estimatedPercent()).isCloseTo(100.0 / 96, within(1e-9));
  }
}
