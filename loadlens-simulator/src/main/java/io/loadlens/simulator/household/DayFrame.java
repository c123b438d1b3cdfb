package io.loadlens.simulator.household;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * One local calendar day as elapsed minutes: index 0 is local midnight, and the day has 1,440
 * minutes, or 1,380 / 1,500 on the days daylight saving time starts / ends. Appliance schedules are
 * in local clock minutes; this maps between the two.
 *
 * @param date the local date
 * @param startEpochSecond local midnight as epoch seconds
 * @param minutes the number of elapsed minutes in the day
 * @param transitionIndex the elapsed minute at which the UTC offset changes, or {@code minutes}
 * @param offsetDeltaMinutes how far the clock jumps at the transition (+60 spring, -60 autumn)
 */
public record DayFrame(
    LocalDate date,
    long startEpochSecond,
    int minutes,
    int transitionIndex,
    int offsetDeltaMinutes) {

  /** Minutes an appliance run may extend past the end of its day (into the next day). */
  public static final int SPILL_MINUTES = 1_080;

  public static DayFrame of(LocalDate date, ZoneId zone) {
    ZonedDateTime start = date.atStartOfDay(zone);
    ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
    long startSecond = start.toEpochSecond();
    int minutes = (int) ((end.toEpochSecond() - startSecond) / 60);
    ZoneOffsetTransition next = zone.getRules().nextTransition(start.toInstant());
    if (next != null && next.getInstant().isBefore(end.toInstant())) {
      int index = (int) ((next.getInstant().getEpochSecond() - startSecond) / 60);
      int delta =
          (next.getOffsetAfter().getTotalSeconds() - next.getOffsetBefore().getTotalSeconds()) / 60;
      return new DayFrame(date, startSecond, minutes, index, delta);
    }
    return new DayFrame(date, startSecond, minutes, minutes, 0);
  }

  /** The local clock minute (0..1439) at an elapsed minute of the day. */
  public int localMinute(int index) {
    int local = index >= transitionIndex ? index + offsetDeltaMinutes : index;
    return Math.floorMod(local, 1_440);
  }

  /**
   * The elapsed minute at which the local clock shows {@code localMinute}; values of 1,440 and more
   * mean the next morning and map into the spill area.
   */
  public int index(int localMinute) {
    int transitionLocal = transitionIndex;
    int index = localMinute < transitionLocal ? localMinute : localMinute - offsetDeltaMinutes;
    return Math.max(0, Math.min(index, minutes + SPILL_MINUTES - 1));
  }
}
