package io.loadlens.insights.internal;

import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * One consumer's import series as flat arrays with its local calendar precomputed: demand in kW per
 * interval ({@code NaN} where missing), the local day index and interval-of-day of every interval,
 * and per local day its date fields. Built once per analysis; every analyser reads it.
 */
public final class LoadProfile {
  public final String meterId;
  public final ZoneId zone;
  public final int intervalSeconds;
  public final double hours;
  public final int slotsPerDay;
  public final long[] epoch;
  public final double[] kw;
  public final boolean[] measured;
  public final int[] day;
  public final int[] slot;
  public final int[] offsetSeconds;
  public final LocalDate firstDate;
  public final int dayCount;
  public final int[] dayDow;
  public final int[] dayMonth;
  public final int[] dayYear;
  public final int validCount;
  public final int estimatedCount;

  public LoadProfile(ValidatedSeries s, ZoneId zone) {
    this(
        s.meter().toString(),
        zone,
        s.intervalSeconds(),
        s.epochSeconds(),
        toKw(s),
        measuredMask(s.quality()));
  }

  /** From interval start times and demand in kW ({@code NaN} = missing). */
  public LoadProfile(
      String meterId,
      ZoneId zone,
      int intervalSeconds,
      long[] epoch,
      double[] kw,
      boolean[] measured) {
    this.meterId = meterId;
    this.zone = zone;
    this.intervalSeconds = intervalSeconds;
    this.hours = intervalSeconds / 3600.0;
    this.slotsPerDay = 86_400 / intervalSeconds;
    this.epoch = epoch;
    this.kw = kw;
    this.measured = measured;
    int n = epoch.length;
    day = new int[n];
    slot = new int[n];
    offsetSeconds = new int[n];
    ZoneRules rules = zone.getRules();
    long firstLocalDay = 0;
    long nextChange = Long.MIN_VALUE;
    int offset = 0;
    int valid = 0;
    int estimated = 0;
    for (int i = 0; i < n; i++) {
      long t = epoch[i];
      if (i == 0 || t >= nextChange) {
        Instant at = Instant.ofEpochSecond(t);
        offset = rules.getOffset(at).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(at);
        nextChange = next == null ? Long.MAX_VALUE : next.toEpochSecond();
      }
      long local = t + offset;
      long localDay = Math.floorDiv(local, 86_400L);
      if (i == 0) {
        firstLocalDay = localDay;
      }
      day[i] = (int) (localDay - firstLocalDay);
      slot[i] = Math.min(slotsPerDay - 1, (int) (Math.floorMod(local, 86_400L) / intervalSeconds));
      offsetSeconds[i] = offset;
      if (!Double.isNaN(kw[i])) {
        valid++;
        if (!measured[i]) {
          estimated++;
        }
      }
    }
    validCount = valid;
    estimatedCount = estimated;
    firstDate = n == 0 ? LocalDate.EPOCH : LocalDate.ofEpochDay(firstLocalDay);
    dayCount = n == 0 ? 0 : day[n - 1] + 1;
    dayDow = new int[dayCount];
    dayMonth = new int[dayCount];
    dayYear = new int[dayCount];
    for (int d = 0; d < dayCount; d++) {
      LocalDate date = firstDate.plusDays(d);
      dayDow[d] = date.getDayOfWeek().getValue();
      dayMonth[d] = date.getMonthValue();
      dayYear[d] = date.getYear();
    }
  }

  private static double[] toKw(ValidatedSeries s) {
    double[] v = s.values();
    Quality[] q = s.quality();
    double factor = 3600.0 / s.intervalSeconds() / 1000.0;
    double[] kw = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      boolean usable = q[i] != Quality.MISSING && q[i] != Quality.SUSPECT;
      kw[i] = usable && Double.isFinite(v[i]) ? v[i] * factor : Double.NaN;
    }
    return kw;
  }

  private static boolean[] measuredMask(Quality[] q) {
    boolean[] m = new boolean[q.length];
    for (int i = 0; i < q.length; i++) {
      m[i] = q[i] == Quality.VALID || q[i] == Quality.EDITED;
    }
    return m;
  }

  public int size() {
    return epoch.length;
  }

  public LocalDate date(int dayIndex) {
    return firstDate.plusDays(dayIndex);
  }

  public boolean weekend(int dayIndex) {
    return dayDow[dayIndex] >= 6;
  }

  /** Local hour of day (0..23) of interval {@code i}. */
  public int hour(int i) {
    return slot[i] * intervalSeconds / 3600;
  }

  /** Local minute of day of interval {@code i}. */
  public int minuteOfDay(int i) {
    return slot[i] * intervalSeconds / 60;
  }

  /** Interval start in local time with its offset, ISO-8601. */
  public String iso(int i) {
    return OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(epoch[i]), ZoneOffset.ofTotalSeconds(offsetSeconds[i]))
        .toString();
  }

  /** kWh of interval {@code i} (NaN when missing). */
  public double kwh(int i) {
    return kw[i] * hours;
  }

  private double[][] hourSum;
  private int[][] hourCount;

  /**
   * Mean demand per local hour over days {@code [fromDay, toDay)} ({@code NaN} for hours without
   * data). Per-day hourly sums are computed once and reused.
   */
  public synchronized double[] hourlyShape(int fromDay, int toDay) {
    if (hourSum == null) {
      hourSum = new double[dayCount][24];
      hourCount = new int[dayCount][24];
      for (int i = 0; i < kw.length; i++) {
        if (!Double.isNaN(kw[i])) {
          hourSum[day[i]][hour(i)] += kw[i];
          hourCount[day[i]][hour(i)]++;
        }
      }
    }
    double[] sum = new double[24];
    int[] n = new int[24];
    for (int d = Math.max(0, fromDay); d < Math.min(dayCount, toDay); d++) {
      for (int h = 0; h < 24; h++) {
        sum[h] += hourSum[d][h];
        n[h] += hourCount[d][h];
      }
    }
    for (int h = 0; h < 24; h++) {
      sum[h] = n[h] == 0 ? Double.NaN : sum[h] / n[h];
    }
    return sum;
  }

  private DailyTotals daily;

  /**
   * Energy per local day in kWh and the number of intervals present that day; computed once (the
   * arrays are shared: callers must not change them).
   */
  public synchronized DailyTotals daily() {
    if (daily == null) {
      daily = computeDaily();
    }
    return daily;
  }

  private DailyTotals computeDaily() {
    double[] kwh = new double[dayCount];
    int[] count = new int[dayCount];
    for (int i = 0; i < kw.length; i++) {
      double v = kw[i];
      if (!Double.isNaN(v)) {
        kwh[day[i]] += v * hours;
        count[day[i]]++;
      }
    }
    boolean[] complete = new boolean[dayCount];
    for (int d = 0; d < dayCount; d++) {
      complete[d] = count[d] >= 0.9 * slotsPerDay;
    }
    return new DailyTotals(kwh, count, complete);
  }

  /** Daily totals. {@code complete[d]} when at least 90 % of the day's intervals are present. */
  public record DailyTotals(double[] kwh, int[] count, boolean[] complete) {
    public int completeDays() {
      int c = 0;
      for (boolean b : complete) {
        if (b) {
          c++;
        }
      }
      return c;
    }
  }
}
