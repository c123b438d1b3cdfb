package io.loadlens.insights.fleet;

import java.util.SplittableRandom;

/**
 * k-means with k-means++ seeding (Arthur and Vassilvitskii, 2007) and Lloyd iterations over {@code
 * double[][]} rows; deterministic for a seed. The best of {@link #RESTARTS} seedings by
 * within-cluster sum of squares is kept.
 */
final class KMeans {
  static final int RESTARTS = 3;
  static final int MAX_ITERATIONS = 100;

  private KMeans() {}

  record Result(int k, double[][] centroids, int[] assignment, double inertia) {}

  static Result fit(double[][] x, int k, long seed) {
    Result best = null;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int r = 0; r < RESTARTS; r++) {
      Result res = lloyd(x, seedPlusPlus(x, k, rnd.split()));
      if (best == null || res.inertia < best.inertia) {
        best = res;
      }
    }
    return best;
  }

  static double[][] seedPlusPlus(double[][] x, int k, SplittableRandom rnd) {
    int n = x.length;
    double[][] c = new double[k][];
    c[0] = x[rnd.nextInt(n)].clone();
    double[] d2 = new double[n];
    for (int i = 0; i < n; i++) {
      d2[i] = dist2(x[i], c[0]);
    }
    for (int j = 1; j < k; j++) {
      double sum = 0;
      for (double v : d2) {
        sum += v;
      }
      int pick = 0;
      if (sum > 0) {
        double target = rnd.nextDouble() * sum;
        double acc = 0;
        for (int i = 0; i < n; i++) {
          acc += d2[i];
          if (acc >= target) {
            pick = i;
            break;
          }
        }
      } else {
        pick = rnd.nextInt(n);
      }
      c[j] = x[pick].clone();
      for (int i = 0; i < n; i++) {
        d2[i] = Math.min(d2[i], dist2(x[i], c[j]));
      }
    }
    return c;
  }

  static Result lloyd(double[][] x, double[][] c) {
    int n = x.length;
    int k = c.length;
    int dim = x[0].length;
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    double inertia = 0;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      boolean changed = false;
      inertia = 0;
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double d = dist2(x[i], c[j]);
          if (d < bd) {
            bd = d;
            best = j;
          }
        }
        inertia += bd;
        if (a[i] != best) {
          a[i] = best;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      double[][] sum = new double[k][dim];
      int[] cnt = new int[k];
      for (int i = 0; i < n; i++) {
        cnt[a[i]]++;
        for (int d = 0; d < dim; d++) {
          sum[a[i]][d] += x[i][d];
        }
      }
      for (int j = 0; j < k; j++) {
        if (cnt[j] == 0) {
          continue; // an empty cluster keeps its centroid
        }
        for (int d = 0; d < dim; d++) {
          c[j][d] = sum[j][d] / cnt[j];
        }
      }
    }
    return new Result(k, c, a, inertia);
  }

  /** Mean silhouette (Rousseeuw, 1987) over the rows listed in {@code sample}. */
  static double silhouette(double[][] x, int[] a, int k, int[] sample) {
    double total = 0;
    int counted = 0;
    for (int i : sample) {
      double[] sum = new double[k];
      int[] cnt = new int[k];
      for (int j : sample) {
        if (j == i) {
          continue;
        }
        sum[a[j]] += Math.sqrt(dist2(x[i], x[j]));
        cnt[a[j]]++;
      }
      if (cnt[a[i]] == 0) {
        continue; // a singleton scores 0 by convention
      }
      double own = sum[a[i]] / cnt[a[i]];
      double other = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != a[i] && cnt[c] > 0) {
          other = Math.min(other, sum[c] / cnt[c]);
        }
      }
      if (Double.isInfinite(other)) {
        continue;
      }
      total += (other - own) / Math.max(own, other);
      counted++;
    }
    return counted == 0 ? 0 : total / sample.length;
  }

  static double dist2(double[] a, double[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      double e = a[d] - b[d];
      s += e * e;
    }
    return s;
  }
}
