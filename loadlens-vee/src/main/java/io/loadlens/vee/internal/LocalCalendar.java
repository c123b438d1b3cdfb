package io.loadlens.vee.internal;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local day and interval-of-day for every slot of a grid, computed by walking the zone's offset
 * transitions (no per-slot time-zone lookups). Used only for day types and time-of-day matching; a
 * local day has 92 or 100 quarter hours on DST change days in Europe.
 */
final class LocalCalendar {
  final int[] day; // local epoch day per slot
  final int[] slotOfDay; // local seconds of day / step
  private final int firstDay;
  private final int[] dayStart; // first slot of each local day, plus one past the end

  LocalCalendar(ZoneRules rules, long from, int step, int n) {
    day = new int[n];
    slotOfDay = new int[n];
    long t = from;
    int offset = rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(t));
    long nextAt = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    for (int i = 0; i < n; i++, t += step) {
      while (t >= nextAt) {
        offset = next.getOffsetAfter().getTotalSeconds();
        next = rules.nextTransition(next.getInstant());
        nextAt = next == null ? Long.MAX_VALUE : next.toEpochSecond();
      }
      long local = t + offset;
      day[i] = (int) Math.floorDiv(local, 86_400L);
      slotOfDay[i] = (int) (Math.floorMod(local, 86_400L) / step);
    }
    firstDay = n == 0 ? 0 : day[0];
    int days = n == 0 ? 0 : day[n - 1] - firstDay + 1;
    dayStart = new int[days + 1];
    java.util.Arrays.fill(dayStart, -1);
    for (int i = n - 1; i >= 0; i--) {
      dayStart[day[i] - firstDay] = i;
    }
    dayStart[days] = n;
    for (int d = days - 1; d >= 0; d--) {
      if (dayStart[d] < 0) {
        dayStart[d] = dayStart[d + 1];
      }
    }
  }

  /** 0 = Monday to Friday, 1 = Saturday, 2 = Sunday. */
  static int dayType(int epochDay) {
    int dow = Math.floorMod(epochDay + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
    return dow < 5 ? 0 : dow - 4;
  }

  /** The slot of local day {@code d} at interval-of-day {@code s}, or -1 when outside the grid. */
  int index(int d, int s) {
    int rel = d - firstDay;
    if (rel < 0 || rel >= dayStart.length - 1) {
      return -1;
    }
    int start = dayStart[rel];
    int end = dayStart[rel + 1];
    int guess = start + s;
    if (guess < end && slotOfDay[guess] == s && day[guess] == d) {
      return guess;
    }
    for (int i = start; i < end; i++) {
      if (slotOfDay[i] == s) {
        return i;
      }
    }
    return -1;
  }
}
