package io.loadlens.vee.internal;

import io.loadlens.vee.SegmentProfile;
import java.time.zone.ZoneRules;

/**
 * Profile estimates for long gaps: the mean of the meter's own similar days (same day type —
 * workday, Saturday, Sunday — nearest in date within the season window, at the same local time of
 * day), from its history and the valid part of the current span; for a meter without such days, its
 * segment's typical profile scaled to the meter's level.
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
  private final double[] scratch;

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
    this.scratch = new double[similarDays];
    this.segment = segment;
    this.segmentScale = segment == null ? 1 : levelOf(segment);
  }

  /**
   * Fills {@code out[0 .. b-a)} with the profile estimate for span slots {@code [a, b)}; false when
   * some slot has neither similar days nor a segment profile.
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

  private double similarDayMedian(int e) {
    int d = cal.day[e];
    int s = cal.slotOfDay[e];
    int type = LocalCalendar.dayType(d);
    double[] found = scratch;
    int count = 0;
    for (int dist = 1; dist <= windowDays && count < similarDays; dist++) {
      for (int sign = -1; sign <= 1 && count < similarDays; sign += 2) {
        int other = d + sign * dist;
        if (LocalCalendar.dayType(other) != type) {
          continue;
        }
        int idx = cal.index(other, s);
        if (idx >= 0 && !Double.isNaN(ext[idx])) {
          found[count++] = ext[idx];
        }
      }
    }
    return count == 0 ? Double.NaN : median(found, count);
  }

  /** The median: robust to the one day an appliance ran, and the best estimate under MAE. */
  private static double median(double[] v, int n) {
    java.util.Arrays.sort(v, 0, n);
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }

  /** The profile estimate of one span slot (NaN when there is none). */
  double at(int i) {
    double v = similarDayMedian(i + offset);
    return Double.isNaN(v) ? segmentValue(i + offset) : v;
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
