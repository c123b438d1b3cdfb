package io.loadlens.server.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/** The fleet's average day: mean demand per local hour, weekdays and weekend days apart. */
final class DailyShapes {

  private DailyShapes() {}

  /** From a demand curve, with hours and days of the week taken in {@code zone}. */
  static FleetReport.DailyShapes of(FleetReport.Curve c, ZoneId zone) {
    double[][] sum = new double[2][24];
    int[][] n = new int[2][24];
    Set<LocalDate> weekdays = new HashSet<>();
    Set<LocalDate> weekends = new HashSet<>();
    for (int i = 0; i < c.size(); i++) {
      if (Double.isNaN(c.kw()[i])) {
        continue;
      }
      ZonedDateTime t = Instant.ofEpochSecond(c.epochSeconds()[i]).atZone(zone);
      boolean weekend =
          t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
      int k = weekend ? 1 : 0;
      sum[k][t.getHour()] += c.kw()[i];
      n[k][t.getHour()]++;
      (weekend ? weekends : weekdays).add(t.toLocalDate());
    }
    return new FleetReport.DailyShapes(
        mean(sum[0], n[0]), mean(sum[1], n[1]), weekdays.size(), weekends.size());
  }

  private static double[] mean(double[] sum, int[] n) {
    double[] m = new double[sum.length];
    for (int h = 0; h < m.length; h++) {
      m[h] = n[h] == 0 ? Double.NaN : sum[h] / n[h];
    }
    return m;
  }
}
