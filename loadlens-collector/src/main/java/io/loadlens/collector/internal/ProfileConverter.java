package io.loadlens.collector.internal;

import io.loadlens.collector.ProfileRows;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ProfileStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns what a meter returned into interval series and events. Rows are sorted by capture time;
 * rows outside the requested range and rows repeating a capture time are not delivered but reported
 * as a {@code CLOCK} event (a meter with a wrong clock must not move the catch-up start into the
 * future). Each missing interval becomes a {@code GAP} event with code 0x09; rows with the
 * critical-error status bit are delivered and reported as a {@code HARDWARE_FAULT} event with code
 * 0x01.
 */
public final class ProfileConverter {
  private ProfileConverter() {}

  /** The series to deliver and the events found. */
  public record Converted(
      List<IntervalSeries> series, int rows, int gaps, int faultRows, List<MeterEvent> events) {}

  public static Converted convert(MeterConfig meter, ProfileRows read, CatchUp.Range range) {
    MeterId id = meter.id();
    long from = range.from().getEpochSecond();
    long to = range.to().getEpochSecond();
    Integer[] order = new Integer[read.rowCount()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long[] t = read.epochSeconds();
    Arrays.sort(order, Comparator.comparingLong(i -> t[i]));
    int[] keep = new int[order.length];
    int n = 0;
    int outside = 0;
    int repeated = 0;
    for (int i : order) {
      if (t[i] < from || t[i] > to) {
        outside++;
      } else if (n > 0 && t[keep[n - 1]] == t[i]) {
        repeated++;
      } else {
        keep[n++] = i;
      }
    }
    long[] times = new long[n];
    int[] status = new int[n];
    for (int k = 0; k < n; k++) {
      times[k] = t[keep[k]];
      status[k] = read.status()[keep[k]];
    }
    List<MeterEvent> events = new ArrayList<>();
    clockEvents(id, read, range, outside, repeated, events);
    int period =
        read.capturePeriodSeconds() > 0 ? read.capturePeriodSeconds() : meter.intervalSeconds();
    long[] gaps = GapFinder.missing(times, from, range.continues(), period);
    for (long g : gaps) {
      events.add(
          new MeterEvent(
              id,
              MeterEvent.Kind.GAP,
              Instant.ofEpochSecond(g),
              Instant.ofEpochSecond(g + period),
              OperatorCode.PROFILE_ENTRY_MISSING,
              "no entry for capture time " + Instant.ofEpochSecond(g) + " in " + read.profile()));
    }
    int faults = faultEvent(id, read, times, status, period, events);
    List<IntervalSeries> series = new ArrayList<>();
    for (int c = 0; c < read.columns().size(); c++) {
      ProfileRows.Column col = read.columns().get(c);
      if (!meter.wantsChannel(col.obis())) {
        continue;
      }
      double[] v = new double[n];
      double[] src = read.values()[c];
      for (int k = 0; k < n; k++) {
        v[k] = src[keep[k]];
      }
      series.add(new IntervalSeries(id, col.obis(), col.unit(), times, v, status));
    }
    return new Converted(series, n, gaps.length, faults, events);
  }

  private static void clockEvents(
      MeterId id,
      ProfileRows read,
      CatchUp.Range range,
      int outside,
      int repeated,
      List<MeterEvent> events) {
    if (outside > 0) {
      events.add(
          new MeterEvent(
              id,
              MeterEvent.Kind.CLOCK,
              range.from(),
              range.to(),
              null,
              outside
                  + " rows of "
                  + read.profile()
                  + " lie outside the requested range "
                  + range.from()
                  + " .. "
                  + range.to()
                  + " and were not delivered"));
    }
    if (repeated > 0) {
      events.add(
          new MeterEvent(
              id,
              MeterEvent.Kind.CLOCK,
              range.from(),
              range.to(),
              null,
              repeated + " rows of " + read.profile() + " repeat a capture time; first kept"));
    }
  }

  private static int faultEvent(
      MeterId id,
      ProfileRows read,
      long[] times,
      int[] status,
      int period,
      List<MeterEvent> events) {
    int count = 0;
    long first = 0;
    long last = 0;
    for (int k = 0; k < times.length; k++) {
      if (ProfileStatus.isSet(status[k], ProfileStatus.CRITICAL_ERROR)) {
        if (count == 0) {
          first = times[k];
        }
        last = times[k];
        count++;
      }
    }
    if (count > 0) {
      events.add(
          new MeterEvent(
              id,
              MeterEvent.Kind.HARDWARE_FAULT,
              Instant.ofEpochSecond(first),
              Instant.ofEpochSecond(last + period),
              OperatorCode.HARDWARE_FAULT,
              "critical error status (ERR) in "
                  + count
                  + " of "
                  + times.length
                  + " rows of "
                  + read.profile()
                  + "; rows delivered"));
    }
    return count;
  }
}
