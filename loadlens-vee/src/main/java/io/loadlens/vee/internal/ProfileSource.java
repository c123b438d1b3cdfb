package io.loadlens.vee.internal;

import io.loadlens.vee.SegmentProfile;
import java.time.zone.ZoneRules;

/**
 * Profile estimates for long gaps, at the same local time of day, from the first source that has a
 * value:
 *
 * <ol>
 *   <li>the meter's own similar days: the same day type (workday, Saturday, Sunday) nearest in date
 *       within the season window; when fewer than the configured count exist, the nearest days of
 *       the other day types in the window top them up. Their values at the time of day are reduced
 *       to a trimmed mean ({@link #TRIM}: the highest and lowest fifth left out), and the result is
 *       smoothed over the neighbouring intervals of the day (weights 1/4, 1/2, 1/4);
 *   <li>the meter's own mean day: the mean of all its usable values at that time of day;
 *   <li>its segment's typical profile scaled to the meter's level.
 * </ol>
 *
 * Household interval energy is right-skewed: the mean of a few similar days follows whichever one
 * ran an appliance at that time, the median runs low against the true energy. The trimmed mean is
 * in between (a little low on spiky meters); the estimator restores the level from the gap's own
 * surroundings ({@link Estimator}), and a register total, when known, fixes it exactly.
 */
final class ProfileSource {
  private final double[] ext; // usable values on the extended grid (history + span), NaN otherwise
  private final int offset; // extended index of slot 0 of the span
  private final LocalCalendar cal;
  private final int step;
  private final int similarDays;
  private final int windowDays;
  private final SegmentProfile segment;
  private final double segmentScale;
  private double[] meanDay; // per slot of day, NaN without data; built on first use
  private double[] trimmed; // similar-day trimmed mean per extended slot, cached; null until used
  private boolean[] known; // whether trimmed[e] is computed
  private double[] scratch; // the similar days' values at one slot
  private double[] low; // the lowest values left out of one trimmed mean
  private double[] high; // the highest values left out
  private int[] order; // candidate similar days of orderDay, best first
  private int orderCount;
  private int orderDay = Integer.MIN_VALUE;

  /** The share of similar-day values left out at each end of the sorted values. */
  static final double TRIM = 0.2;

  ProfileSource(
      double[] ext,
      int offset,
      ZoneRules rules,
      long extFrom,
      int step,
      int similarDays,
      int windowDays,
      SegmentProfile segment) {
    this.ext = ext;
    this.offset = offset;
    this.step = step;
    this.cal = new LocalCalendar(rules, extFrom, step, ext.length);
    this.similarDays = similarDays;
    this.windowDays = windowDays;
    this.segment = segment;
    this.segmentScale = segment == null ? 1 : levelOf(segment);
  }

  /**
   * Fills {@code out[0 .. b-a)} with the profile estimate for span slots {@code [a, b)}; false when
   * some slot has no estimate from any source.
   */
  boolean fill(int a, int b, double[] out) {
    for (int i = a; i < b; i++) {
      double v = at(i);
      if (Double.isNaN(v)) {
        return false;
      }
      out[i - a] = v;
    }
    return true;
  }

  /** The profile estimate of one span slot, or history slot when negative (NaN when none). */
  double at(int i) {
    return atExtended(i + offset);
  }

  /** The usable value of span slot {@code i} (NaN when not usable). */
  double usable(int i) {
    return ext[i + offset];
  }

  /** The earliest slot with history, as a (negative) span index: {@code -offset}. */
  int firstIndex() {
    return -offset;
  }

  /** The local interval of day of span slot {@code i} (history when negative). */
  int slotOfDay(int i) {
    return cal.slotOfDay[i + offset];
  }

  /**
   * The span slot at the same local time of day as slot {@code i}, {@code days} local days later
   * (earlier when negative); {@link Integer#MIN_VALUE} when that day has no such slot on the grid
   * (outside it, or the hour a DST change skips).
   */
  int sameTimeOfDay(int i, int days) {
    int e = cal.index(cal.day[i + offset] + days, cal.slotOfDay[i + offset]);
    return e < 0 ? Integer.MIN_VALUE : e - offset;
  }

  private double atExtended(int e) {
    double v = smoothedSimilarDays(e);
    if (Double.isNaN(v)) {
      v = meanDayValue(e);
    }
    return Double.isNaN(v) ? segmentValue(e) : v;
  }

  /** The similar-day value at {@code e}, smoothed 1/4, 1/2, 1/4 with its neighbours in time. */
  private double smoothedSimilarDays(int e) {
    double mid = similarDays(e);
    if (Double.isNaN(mid)) {
      return mid;
    }
    double sum = 2 * mid;
    double weight = 2;
    for (int k = e - 1; k <= e + 1; k += 2) {
      double v = k >= 0 && k < ext.length ? similarDays(k) : Double.NaN;
      if (!Double.isNaN(v)) {
        sum += v;
        weight++;
      }
    }
    return sum / weight;
  }

  private double similarDays(int e) {
    if (trimmed == null) {
      trimmed = new double[ext.length];
      known = new boolean[ext.length];
      scratch = new double[similarDays];
      int cut = (int) Math.floor(TRIM * similarDays);
      low = new double[cut];
      high = new double[cut];
    }
    if (!known[e]) {
      trimmed[e] = trimmedMean(scratch, collect(e, scratch), low, high);
      known[e] = true;
    }
    return trimmed[e];
  }

  /** The values of the similar days of {@code e} at its time of day, into {@code out}; count. */
  private int collect(int e, double[] out) {
    int d = cal.day[e];
    if (d != orderDay) {
      orderDays(d);
    }
    int s = cal.slotOfDay[e];
    int count = 0;
    for (int k = 0; k < orderCount && count < similarDays; k++) {
      int idx = cal.index(order[k], s);
      if (idx >= 0 && !Double.isNaN(ext[idx])) {
        out[count++] = ext[idx];
      }
    }
    return count;
  }

  /**
   * The candidate similar days of local day {@code d}, best first: the days of its day type nearest
   * in date within the window (earlier before later at equal distance), then the other days in the
   * same order. Every interval of a day shares this order, so it is kept for the last day asked.
   */
  private void orderDays(int d) {
    if (order == null) {
      order = new int[2 * windowDays];
    }
    int type = LocalCalendar.dayType(d);
    int count = 0;
    for (int pass = 0; pass < 2; pass++) {
      boolean sameType = pass == 0;
      for (int dist = 1; dist <= windowDays; dist++) {
        for (int sign = -1; sign <= 1; sign += 2) {
          int other = d + sign * dist;
          if ((LocalCalendar.dayType(other) == type) == sameType) {
            order[count++] = other;
          }
        }
      }
    }
    orderCount = count;
    orderDay = d;
  }

  /**
   * The mean of {@code v[0 .. count)} without the lowest and highest {@code floor(TRIM * count)}
   * values (all of them below five values); NaN when empty.
   */
  static double trimmedMean(double[] v, int count) {
    int cut = (int) Math.floor(TRIM * count);
    return trimmedMean(v, count, new double[cut], new double[cut]);
  }

  /**
   * {@link #trimmedMean(double[], int)} with scratch space for the cut values: the sum of all
   * values less the {@code cut} lowest and highest, which are found in one pass by keeping each in
   * a small sorted buffer (a value seldom enters once the buffers are full).
   */
  static double trimmedMean(double[] v, int count, double[] low, double[] high) {
    if (count == 0) {
      return Double.NaN;
    }
    int cut = (int) Math.floor(TRIM * count);
    double sum = 0;
    for (int i = 0; i < count; i++) {
      double x = v[i];
      sum += x;
      if (cut == 0) {
        continue;
      }
      int size = Math.min(i, cut); // values in each buffer before this one
      if (size < cut || x < low[cut - 1]) {
        int j = Math.min(size, cut - 1);
        while (j > 0 && low[j - 1] > x) {
          low[j] = low[j - 1];
          j--;
        }
        low[j] = x;
      }
      if (size < cut || x > high[cut - 1]) {
        int j = Math.min(size, cut - 1);
        while (j > 0 && high[j - 1] < x) {
          high[j] = high[j - 1];
          j--;
        }
        high[j] = x;
      }
    }
    for (int j = 0; j < cut; j++) {
      sum -= low[j] + high[j];
    }
    return sum / (count - 2 * cut);
  }

  private double meanDayValue(int e) {
    if (meanDay == null) {
      int slots = 86_400 / step + 1;
      double[] sum = new double[slots];
      int[] count = new int[slots];
      for (int k = 0; k < ext.length; k++) {
        if (!Double.isNaN(ext[k])) {
          sum[cal.slotOfDay[k]] += ext[k];
          count[cal.slotOfDay[k]]++;
        }
      }
      meanDay = new double[slots];
      for (int s = 0; s < slots; s++) {
        meanDay[s] = count[s] == 0 ? Double.NaN : sum[s] / count[s];
      }
    }
    return meanDay[cal.slotOfDay[e]];
  }

  private double segmentValue(int e) {
    if (segment == null) {
      return Double.NaN;
    }
    int type = LocalCalendar.dayType(cal.day[e]);
    int secondsOfDay = cal.slotOfDay[e] * step;
    double perProfileInterval = segment.value(type, secondsOfDay / segment.intervalSeconds());
    return perProfileInterval * step / segment.intervalSeconds() * segmentScale;
  }

  /** The meter's mean over the segment profile's mean at the same slots (1 without data). */
  private double levelOf(SegmentProfile seg) {
    double meter = 0;
    double profile = 0;
    for (int e = 0; e < ext.length; e++) {
      if (!Double.isNaN(ext[e])) {
        meter += ext[e];
        int type = LocalCalendar.dayType(cal.day[e]);
        int sec = cal.slotOfDay[e] * step;
        profile += seg.value(type, sec / seg.intervalSeconds()) * step / seg.intervalSeconds();
      }
    }
    return profile > 0 && meter > 0 ? meter / profile : 1;
  }
}
