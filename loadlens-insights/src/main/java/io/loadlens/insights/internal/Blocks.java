package io.loadlens.insights.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds rectangular load blocks: runs of consecutive intervals whose demand stays at least {@code
 * minExcessKw} above the level just before the run. The block's power is the median excess of its
 * interior intervals (the first and last may be partly covered).
 */
public final class Blocks {
  private Blocks() {}

  /**
   * @param start first interval
   * @param length intervals in the run
   * @param kw the block's power above the reference level
   * @param spreadKw max − min excess over the interior
   * @param kwh energy above the reference level
   * @param coreShare share of the interior intervals whose excess is within ±10 % of {@code kw}
   *     (other loads switching on top of a steady one leave most of them there)
   */
  public record Block(
      int start, int length, double kw, double spreadKw, double kwh, double coreShare) {}

  public static List<Block> find(LoadProfile p, double minExcessKw, int minIntervals) {
    List<Block> out = new ArrayList<>();
    double[] kw = p.kw;
    int n = kw.length;
    int i = 2;
    while (i < n) {
      double ref = Math.min(kw[i - 1], kw[i - 2]);
      if (Double.isNaN(ref) || Double.isNaN(kw[i]) || kw[i] - ref < minExcessKw) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !Double.isNaN(kw[j]) && kw[j] - ref >= minExcessKw) {
        j++;
      }
      int len = j - i;
      if (len >= minIntervals) {
        out.add(block(p, i, len, ref));
      }
      i = j + 1;
    }
    return out;
  }

  private static Block block(LoadProfile p, int start, int len, double ref) {
    int from = len >= 3 ? start + 1 : start;
    int to = len >= 3 ? start + len - 1 : start + len;
    double[] ex = new double[to - from];
    for (int k = from; k < to; k++) {
      ex[k - from] = p.kw[k] - ref;
    }
    Arrays.sort(ex);
    double kwh = 0;
    for (int k = start; k < start + len; k++) {
      kwh += (p.kw[k] - ref) * p.hours;
    }
    double median = Stats.sortedPercentile(ex, 50);
    int core = 0;
    for (double e : ex) {
      core += Math.abs(e - median) <= 0.1 * Math.abs(median) ? 1 : 0;
    }
    return new Block(start, len, median, ex[ex.length - 1] - ex[0], kwh, (double) core / ex.length);
  }
}
