package io.loadlens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.model.ValidatedSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfigAndTrackerTest {

  @Test
  void timeOfUseWindowsWrapMidnightAndRespectWeekdaysOnly() {
    Tariff.Window night = new Tariff.Window("night", 22 * 60, 6 * 60, false, 0.1);
    Tariff.Window peak = new Tariff.Window("peak", 17 * 60, 20 * 60, true, 0.5);
    Tariff.TimeOfUse t = new Tariff.TimeOfUse("t", List.of(night, peak), "day", 0.3);
    assertThat(t.windowIndex(23 * 60, false)).isZero();
    assertThat(t.windowIndex(5 * 60 + 59, true)).isZero();
    assertThat(t.windowIndex(6 * 60, false)).isEqualTo(-1);
    assertThat(t.windowIndex(18 * 60, false)).isEqualTo(1);
    assertThat(t.windowIndex(18 * 60, true)).isEqualTo(-1);
  }

  @Test
  void rejectsInvalidSettingsNamingTheFieldAndValue() {
    assertThatThrownBy(() -> new Tariff.Flat("f", -0.1))
        .hasMessage("eurPerKwh must be a finite price >= 0, got -0.1");
    assertThatThrownBy(() -> new Battery(0, 5, 0.9))
        .hasMessage("battery capacityKwh and powerKw must be > 0, got 0.0, 5.0");
    assertThatThrownBy(() -> InsightConfig.defaults().withTariffs(List.of()))
        .hasMessage("tariffs: at least one tariff is needed");
  }

  @Test
  void seasonsFlipBetweenHemispheres() {
    assertThat(Hemisphere.AUTO.season(ZoneId.of("Europe/Brussels"), 1)).isEqualTo("winter");
    assertThat(Hemisphere.AUTO.season(ZoneId.of("Australia/Sydney"), 1)).isEqualTo("summer");
    assertThat(Hemisphere.AUTO.season(ZoneId.of("Australia/Sydney"), 7)).isEqualTo("winter");
    assertThat(Hemisphere.NORTH.season(ZoneId.of("Australia/Sydney"), 4)).isEqualTo("spring");
  }

  @Test
  void rejectsAnAllMissingSeries() {
    ValidatedSeries s =
        Synthetic.series(
            "empty", LocalDate.of(2024, 1, 1), 2, 900, Synthetic.BRUSSELS, (t, i) -> Double.NaN);
    assertThatThrownBy(
            () ->
                InsightEngine.analyse(
                    ConsumerInput.of(s, Synthetic.BRUSSELS), InsightConfig.defaults()))
        .hasMessageContaining("no usable interval values");
  }

  /**
   * A 1.5 kW heater switching at random minutes, integrated to 15-minute intervals as a meter does:
   * the tracker must find its power, most of its active intervals and its energy.
   */
  @Test
  void tracksAHeaterThatSwitchesAtRandomMinutes() {
    Random rnd = new Random(3);
    int days = 30;
    int minutes = days * 1440;
    double[] heater = new double[minutes];
    double[] other = new double[minutes];
    int m = 0;
    while (m < minutes) {
      m += 60 + rnd.nextInt(240);
      int len = 20 + rnd.nextInt(70);
      for (int k = m; k < Math.min(minutes, m + len); k++) {
        heater[k] = 1.5;
      }
      m += len;
    }
    for (int k = 0; k < minutes; k++) {
      other[k] = 0.2 + 0.1 * Math.sin(k / 300.0);
    }
    double[] kw15 = new double[minutes / 15];
    double[] truth = new double[minutes / 15];
    for (int i = 0; i < kw15.length; i++) {
      for (int k = i * 15; k < i * 15 + 15; k++) {
        kw15[i] += (heater[k] + other[k]) / 15;
        truth[i] += heater[k] / 15;
      }
    }
    ValidatedSeries s =
        Synthetic.series(
            "heater", LocalDate.of(2024, 1, 1), days, 900, ZoneId.of("UTC"), (t, i) -> kw15[i]);
    Disaggregation.ThermostaticLoad t = Disaggregation.thermostatic(s, ZoneId.of("UTC"));
    assertThat(t.powerKw()).isCloseTo(1.5, within(0.15));
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double est = 0;
    double real = 0;
    for (int i = 0; i < truth.length; i++) {
      boolean on = truth[i] * 0.25 >= 0.06;
      tp += on && t.active()[i] ? 1 : 0;
      fp += !on && t.active()[i] ? 1 : 0;
      fn += on && !t.active()[i] ? 1 : 0;
      est += t.kwh()[i];
      real += truth[i] * 0.25;
    }
    assertThat((double) tp / (tp + fp)).isGreaterThan(0.9);
    assertThat((double) tp / (tp + fn)).isGreaterThan(0.9);
    assertThat(est / real).isCloseTo(1.0, within(0.1));
  }
}
