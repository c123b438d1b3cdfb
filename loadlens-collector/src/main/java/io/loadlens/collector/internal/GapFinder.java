package io.loadlens.collector.internal;

import java.util.Arrays;

/**
 * Finds the capture times missing from a profile read: every point of the capture-period grid
 * between the start and the last returned row that has no row. The grid's phase is the rows' own
 * (the first row's time modulo the period), so meters whose capture times are offset from the epoch
 * are judged correctly. Intervals after the last returned row are not counted: the next catch-up
 * read asks for them again and they become gaps only when later rows arrive without them.
 */
public final class GapFinder {
  private GapFinder() {}

  /**
   * @param times the returned capture times, sorted, unique
   * @param from the start of the read range (epoch seconds)
   * @param continues whether stored data ends just before {@code from}; if not, the scan starts at
   *     the first returned row (a meter installed after the initial horizon has no gap before its
   *     first row)
   * @param period the capture period in seconds
   * @return the missing capture times (epoch seconds), ascending
   */
  public static long[] missing(long[] times, long from, boolean continues, int period) {
    if (times.length == 0 || period <= 0) {
      return new long[0];
    }
    long phase = Math.floorMod(times[0], period);
    long start;
    if (continues) {
      start = Math.floorDiv(from - phase + period - 1, period) * period + phase;
    } else {
      start = times[0];
    }
    long last = times[times.length - 1];
    long[] out = new long[16];
    int n = 0;
    int i = 0;
    for (long t = start; t <= last; t += period) {
      while (i < times.length && times[i] < t) {
        i++;
      }
      if (i < times.length && times[i] == t) {
        continue;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = t;
    }
    return Arrays.copyOf(out, n);
  }
}
