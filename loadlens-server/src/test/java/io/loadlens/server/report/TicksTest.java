package io.loadlens.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  @Test
  void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(Ticks.niceStep(6.6, 6)).isEqualTo(2.0);
    assertThat(Ticks.niceStep(397.9, 6)).isEqualTo(100.0);
    assertThat(Ticks.niceStep(0.03, 3)).isEqualTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void numericAxisCoversTheRangeWithRoundTicks() {
    Ticks.Axis a = Ticks.numeric("demand (kW)", 0, 7.1, 6, v -> ReportFormat.fixed(v, 0));
    assertThat(a.min()).isEqualTo(0);
    assertThat(a.max()).isGreaterThanOrEqualTo(7.1);
    assertThat(a.ticks()).extracting(Ticks.Tick::label).containsExactly("0", "2", "4", "6", "8");
  }

  @Test
  void numericAxisWithoutDataOrWidthIsStillDrawable() {
    assertThat(Ticks.numeric("", 0, 0, 5, String::valueOf).max()).isEqualTo(1);
    assertThat(Ticks.numeric("", Double.NaN, Double.NaN, 5, String::valueOf).max()).isEqualTo(1);
    assertThat(Ticks.numeric("", 5, 5, 5, String::valueOf).max()).isGreaterThan(5);
  }

  @Test
  void axisRejectsAnEmptyRangeNamingIt() {
    assertThatThrownBy(() -> new Ticks.Axis("kW", 2, 2, List.of()))
        .hasMessage("axis kW: max 2.0 <= min 2.0");
  }

  @Test
  void dayTicksFallOnLocalMidnightsAcrossTheSpringDaylightSavingChange() {
    long from = Instant.parse("2024-03-28T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2024-04-03T00:00:00Z").getEpochSecond();
    Ticks.Axis a = Ticks.time("t", from, to, BRUSSELS, 10);
    assertThat(a.ticks()).extracting(Ticks.Tick::label).startsWith("29 Mar", "30 Mar", "31 Mar");
    for (Ticks.Tick t : a.ticks()) {
      LocalDate d = Instant.ofEpochSecond((long) t.value()).atZone(BRUSSELS).toLocalDate();
      assertThat((long) t.value()).isEqualTo(d.atStartOfDay(BRUSSELS).toEpochSecond());
    }
    assertThat(a.ticks().get(3).value() - a.ticks().get(2).value()).isEqualTo(23 * 3600);
  }

  @Test
  void longPeriodsGetMonthTicksAndShortOnesHourTicks() {
    long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    Ticks.Axis year = Ticks.time("t", from, from + 366L * 86_400, BRUSSELS, 12);
    assertThat(year.ticks()).extracting(Ticks.Tick::label).contains("Feb 2024", "Dec 2024");
    assertThat(year.ticks()).hasSizeLessThanOrEqualTo(12);
    Ticks.Axis day = Ticks.time("t", from, from + 86_400, BRUSSELS, 12);
    assertThat(day.ticks()).extracting(Ticks.Tick::label).contains("03:00", "21:00");
    assertThat(day.ticks()).hasSizeLessThanOrEqualTo(12);
  }
}
