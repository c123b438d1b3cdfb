package io.loadlens.app.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index of two partitions of the same items (Hubert and Arabie, "Comparing
 * partitions", Journal of Classification 2, 1985): the Rand index corrected for chance, 1 for
 * identical partitions, about 0 for independent ones, negative below chance.
 */
public final class AdjustedRand {
  private AdjustedRand() {}

  /**
   * ARI of two labelings; {@code a.get(i)} and {@code b.get(i)} label the same item. Labels are
   * compared with {@code equals}.
   */
  public static <A, B> double index(List<A> a, List<B> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(
          "adjusted Rand index: labelings differ in length, " + a.size() + " != " + b.size());
    }
    int n = a.size();
    if (n < 2) {
      throw new IllegalArgumentException("adjusted Rand index needs at least 2 items, got " + n);
    }
    Map<A, Integer> rowIds = new HashMap<>();
    Map<B, Integer> colIds = new HashMap<>();
    for (int i = 0; i < n; i++) {
      rowIds.putIfAbsent(a.get(i), rowIds.size());
      colIds.putIfAbsent(b.get(i), colIds.size());
    }
    long[][] table = new long[rowIds.size()][colIds.size()];
    for (int i = 0; i < n; i++) {
      table[rowIds.get(a.get(i))][colIds.get(b.get(i))]++;
    }
    return fromContingency(table);
  }

  /** ARI from a contingency table {@code table[row][column]} of counts. */
  public static double fromContingency(long[][] table) {
    double sumCells = 0;
    long n = 0;
    long[] colSums = new long[table.length == 0 ? 0 : table[0].length];
    double sumRows = 0;
    for (long[] row : table) {
      long r = 0;
      for (int j = 0; j < row.length; j++) {
        sumCells += pairs(row[j]);
        r += row[j];
        colSums[j] += row[j];
      }
      sumRows += pairs(r);
      n += r;
    }
    double sumCols = 0;
    for (long c : colSums) {
      sumCols += pairs(c);
    }
    double expected = sumRows * sumCols / pairs(n);
    double max = (sumRows + sumCols) / 2;
    if (max == expected) {
      // both partitions trivial (one cluster each, or all singletons): identical by convention
      return 1.0;
    }
    return (sumCells - expected) / (max - expected);
  }

  private static double pairs(long k) {
    return k * (k - 1) / 2.0;
  }
}
