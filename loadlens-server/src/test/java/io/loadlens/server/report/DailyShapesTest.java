package io.loadlens.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyShapesTest {

  @Test
  void hoursAndWeekendsAreTakenInTheFleetZone() {
    // Friday 2024-01-05 23:00 UTC is Saturday 00:00 in Brussels
    long fri = Instant.parse("2024-01-05T22:00:00Z").getEpochSecond();
    FleetReport.Curve c =
        new FleetReport.Curve(new long[] {fri, fri + 3600}, new double[] {2, 6}, 3600);
    FleetReport.DailyShapes d = DailyShapes.of(c, ZoneId.of("Europe/Brussels"));
    assertThat(d.weekdayKw()[23]).isEqualTo(2);
    assertThat(d.weekendKw()[0]).isEqualTo(6);
    assertThat(d.weekdays()).isEqualTo(1);
    assertThat(d.weekendDays()).isEqualTo(1);
    assertThat(d.weekdayKw()[0]).isNaN();
  }

  @Test
  void missingValuesAreLeftOutOfTheMean() {
    long mon = Instant.parse("2024-01-08T12:00:00Z").getEpochSecond();
    FleetReport.Curve c =
        new FleetReport.Curve(
            new long[] {mon, mon + 900, mon + 1800}, new double[] {1, Double.NaN, 3}, 900);
    assertThat(DailyShapes.of(c, ZoneId.of("UTC")).weekdayKw()[12]).isEqualTo(2);
  }
}
