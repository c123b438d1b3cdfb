package io.loadlens.insights.fleet;

import io.loadlens.insights.ApplianceKind;
import java.util.List;
import java.util.Locale;

/**
 * A segment's name in words, from its members' appliances and its routine day: the mean of the
 * features the segmentation clustered on ({@link RoutineShape}: weekday hours 0..23, then weekend
 * hours; demand above the always-on level relative to its mean, so 1 is an average hour).
 *
 * <p>Appliances that hide or dominate the routine name the segment first: PV export empties the
 * midday import, a car charged most evenings is the evening. Then, in order: a flat mean day
 * (always-on load), no recurring daily pattern at all (a home empty on most days when its typical
 * day is well below its average day, else members whose routines differ), off-peak water heating at
 * night, a night-shift week (quiet weekday nights, up late at weekends), other night peaks, and
 * otherwise the time of the routine's peak with what the weekday daytime says about presence.
 */
final class SegmentLabel {
  /** A mean day whose highest hour is below this multiple of its lowest is flat. */
  static final double FLAT_DAY = 1.6;

  /** A routine whose highest hour is below this (the mean is 1) has no daily pattern. */
  static final double NO_ROUTINE = 1.6;

  /**
   * Members whose typical day uses less than this share of their average day's energy above the
   * always-on level (median over the members) are homes empty on most days.
   */
  static final double RARELY_OCCUPIED = 0.7;

  /** An hour of the routine below this has little recurring use. */
  static final double LOW = 0.5;

  /** A second peak at least this share of the first makes a two-peak day. */
  static final double BOTH_PEAKS = 0.7;

  private SegmentLabel() {}

  /**
   * @param members the segment's consumers
   * @param meanDayMaxOverMin the members' mean day: highest hour over lowest
   * @param routine the segment's routine centre (48 values)
   */
  static String of(
      List<ConsumerProfileSummary> members,
      double meanDayMaxOverMin,
      double[] routine,
      double typicalDayShare) {
    if (routine.length != 48) {
      throw new IllegalArgumentException("routine needs 48 hourly values, got " + routine.length);
    }
    if (FleetAnalysis.mostHave(members, ApplianceKind.ROOFTOP_PV)) {
      return "daytime PV exporters";
    }
    if (FleetAnalysis.mostHave(members, ApplianceKind.EV_CHARGER)) {
      return "EV chargers";
    }
    if (meanDayMaxOverMin < FLAT_DAY) {
      return "flat, always-on";
    }
    if (max(routine, 0, 48) < NO_ROUTINE) {
      return typicalDayShare < RARELY_OCCUPIED
          ? "rarely occupied: no daily routine"
          : "no common daily routine";
    }
    double[] week = new double[24];
    for (int h = 0; h < 24; h++) {
      week[h] = (5 * routine[h] + 2 * routine[24 + h]) / 7;
    }
    int peak = argMax(week);
    boolean nightPeak = peak >= 22 || peak < 5;
    if (nightPeak && FleetAnalysis.mostHave(members, ApplianceKind.WATER_HEATER)) {
      return "off-peak night heaters";
    }
    boolean quietWeekdayNights = mean(routine, 22, 24) < LOW && mean(routine, 0, 2) < LOW;
    if (quietWeekdayNights && mean(routine, 24, 26) >= 1) {
      return "night shifts: out on weekday nights";
    }
    if (nightPeak) {
      return "night-time peakers"; // night loads no detector explains
    }
    return peakWords(week, peak) + presence(routine);
  }

  private static String peakWords(double[] week, int peak) {
    double morning = max(week, 5, 10);
    double evening = max(week, 16, 22);
    if (peak >= 10 && peak < 16) {
      return "daytime users";
    }
    if (Math.min(morning, evening) >= BOTH_PEAKS * Math.max(morning, evening)) {
      return "morning and evening peakers";
    }
    return peak < 10 ? "morning peakers" : "evening peakers";
  }

  /**
   * What weekday daytime use (10:00–16:00) says about presence, against the weekend's: out (from
   * the first quiet morning hour until the first busy afternoon hour, when both are clear), home,
   * or nothing when neither day type uses much by day.
   */
  private static String presence(double[] routine) {
    double weekday = mean(routine, 10, 16);
    double weekend = mean(routine, 34, 40);
    if (weekend >= LOW && weekday < LOW * weekend) {
      int leave = -1;
      for (int h = 6; h <= 12 && leave < 0; h++) {
        leave = routine[h] < LOW && routine[h - 1] >= LOW ? h : -1;
      }
      int back = -1;
      for (int h = 13; h < 22 && back < 0; h++) {
        back = routine[h] >= LOW ? h : -1;
      }
      return leave < 0 || back < 0
          ? ", out on weekdays"
          : String.format(Locale.ROOT, ", out %02d:00–%02d:00 on weekdays", leave, back);
    }
    return weekday >= LOW && weekday >= BOTH_PEAKS * weekend ? ", home by day" : "";
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  private static double max(double[] v, int from, int to) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      m = Math.max(m, v[i]);
    }
    return m;
  }

  private static int argMax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
