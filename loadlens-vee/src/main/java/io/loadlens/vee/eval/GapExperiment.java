package io.loadlens.vee.eval;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.vee.VeeEngine;
import io.loadlens.vee.VeeInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Removes known values in gaps of one length at random (seeded) places, runs VEE and scores its
 * estimates against the true values, beside plain linear interpolation between the same gap's
 * neighbours. Two modes: interval data only (no total known), and a cumulative register whose
 * readings at both ends of the gap survive (the total across the gap known).
 */
final class GapExperiment {
  private static final double REGISTER_START_WH = 1_000_000;

  /** Accumulated errors of one dataset, gap length and mode. */
  static final class Score {
    long gaps;
    long n;
    double veeAbs;
    double veeErr;
    double linAbs;
    double linErr;
    long unfilled;
    long exact;
    final long[] methods = new long[EstimationMethod.values().length];

    double veeMae() {
      return veeAbs / n;
    }

    double linMae() {
      return linAbs / n;
    }

    double improvementPercent() {
      return 100.0 * (1 - veeMae() / linMae());
    }
  }

  private final VeeEngine engine;

  GapExperiment(VeeEngine engine) {
    this.engine = engine;
  }

  /** Scores gaps of {@code len} intervals, about {@code target} of them over all households. */
  void run(List<Household> homes, int len, int target, long seed, Score plain, Score register) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + len);
    int perHome = Math.max(1, (target + homes.size() - 1) / homes.size());
    for (Household h : homes) {
      int n = h.truth().length;
      int perRound = Math.max(1, (int) (0.10 * n / (len + 2)));
      int left = perHome;
      while (left > 0) {
        List<Integer> starts = place(h.truth(), len, Math.min(left, perRound), rnd);
        if (starts.isEmpty()) {
          break;
        }
        left -= starts.size();
        boolean[] removed = new boolean[n];
        for (int a : starts) {
          for (int i = a; i < a + len; i++) {
            removed[i] = true;
          }
        }
        score(h, starts, len, veeValues(h, removed, false), plain);
        score(h, starts, len, veeValues(h, removed, true), register);
      }
    }
  }

  /** Random non-overlapping gaps whose slots and both neighbours have true values. */
  private static List<Integer> place(double[] truth, int len, int count, SplittableRandom rnd) {
    int n = truth.length;
    boolean[] taken = new boolean[n];
    List<Integer> starts = new ArrayList<>();
    for (int attempt = 0; attempt < count * 200 && starts.size() < count; attempt++) {
      if (n - len - 2 <= 1) {
        break;
      }
      int a = 1 + rnd.nextInt(n - len - 2);
      boolean ok = true;
      for (int i = a - 1; i <= a + len && ok; i++) {
        ok = !taken[i] && !Double.isNaN(truth[i]);
      }
      if (ok) {
        for (int i = a - 1; i <= a + len; i++) {
          taken[i] = true;
        }
        starts.add(a);
      }
    }
    return starts;
  }

  private double[] veeValues(Household h, boolean[] removed, boolean withRegister) {
    double[] truth = h.truth();
    int n = truth.length;
    int step = h.step();
    MeterId id = MeterId.of(h.id());
    IntervalSeries raw = withRegister ? register(h, removed, id) : intervals(h, removed, id);
    VeeInput in =
        VeeInput.builder(
                MeterInfo.of(id, ZoneOffset.UTC),
                Duration.ofSeconds(step),
                Instant.ofEpochSecond(h.from()),
                Instant.ofEpochSecond(h.from() + (long) n * step))
            .channel(raw)
            .build();
    ValidatedSeries v = engine.run(in).series().get(0);
    double[] values = v.values();
    EstimationMethod[] m = v.method();
    double[] out = new double[n * 2];
    for (int i = 0; i < n; i++) {
      out[i] = values[i];
      out[n + i] = m[i] == null ? -1 : m[i].ordinal();
    }
    return out;
  }

  private static IntervalSeries intervals(Household h, boolean[] removed, MeterId id) {
    double[] truth = h.truth();
    int count = 0;
    for (int i = 0; i < truth.length; i++) {
      count += !removed[i] && !Double.isNaN(truth[i]) ? 1 : 0;
    }
    long[] t = new long[count];
    double[] v = new double[count];
    int j = 0;
    for (int i = 0; i < truth.length; i++) {
      if (!removed[i] && !Double.isNaN(truth[i])) {
        t[j] = h.from() + (long) (i + 1) * h.step(); // stamped at the interval end
        v[j++] = truth[i];
      }
    }
    return IntervalSeries.of(id, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, t, v);
  }

  /**
   * The cumulative register 1-0:1.8.0.255 read at every interval boundary, with the readings inside
   * removed gaps dropped (those at the gap's two ends survive). Where the data set itself has no
   * value, the register advances by the interpolated energy and the reading closing such an
   * interval carries the data-not-valid status, so VEE treats it as unknown.
   */
  private static IntervalSeries register(Household h, boolean[] removed, MeterId id) {
    double[] truth = h.truth();
    int n = truth.length;
    double[] filled = fillForRegister(truth);
    double[] reg = new double[n + 1];
    reg[0] = REGISTER_START_WH;
    for (int i = 0; i < n; i++) {
      reg[i + 1] = reg[i] + filled[i];
    }
    long[] t = new long[n + 1];
    double[] v = new double[n + 1];
    int[] st = new int[n + 1];
    int j = 0;
    for (int k = 0; k <= n; k++) {
      boolean insideRemoved = k > 0 && k < n && removed[k - 1] && removed[k];
      boolean insideMissing =
          (k == 0 || Double.isNaN(truth[k - 1])) && (k == n || Double.isNaN(truth[k]));
      if (insideRemoved || insideMissing) {
        continue;
      }
      t[j] = h.from() + (long) k * h.step();
      v[j] = reg[k];
      st[j++] = k > 0 && Double.isNaN(truth[k - 1]) ? ProfileStatus.DATA_NOT_VALID : 0;
    }
    return new IntervalSeries(
        id,
        ObisCode.ACTIVE_ENERGY_IMPORT,
        Unit.WATT_HOUR,
        java.util.Arrays.copyOf(t, j),
        java.util.Arrays.copyOf(v, j),
        java.util.Arrays.copyOf(st, j));
  }

  private static double[] fillForRegister(double[] truth) {
    double[] f = truth.clone();
    int last = -1;
    for (int i = 0; i <= f.length; i++) {
      if (i < f.length && Double.isNaN(f[i])) {
        continue;
      }
      double left = last >= 0 ? f[last] : (i < f.length ? f[i] : 0);
      double right = i < f.length ? f[i] : left;
      for (int k = last + 1; k < i; k++) {
        f[k] = left + (right - left) * (k - last) / (double) (i - last);
      }
      last = i;
    }
    return f;
  }

  private static void score(Household h, List<Integer> starts, int len, double[] vee, Score s) {
    double[] truth = h.truth();
    int n = truth.length;
    for (int a : starts) {
      s.gaps++;
      double vl = truth[a - 1];
      double vr = truth[a + len];
      for (int i = a; i < a + len; i++) {
        double lin = vl + (vr - vl) * (i - a + 1) / (double) (len + 1);
        double est = vee[i];
        s.n++;
        s.linAbs += Math.abs(lin - truth[i]);
        s.linErr += lin - truth[i];
        if (Double.isNaN(est)) {
          s.unfilled++;
          est = 0; // an unfilled interval counts as an estimate of zero
        } else if (vee[n + i] < 0) {
          s.exact++; // the register readings at both ends give the interval itself
        } else {
          s.methods[(int) vee[n + i]]++;
        }
        s.veeAbs += Math.abs(est - truth[i]);
        s.veeErr += est - truth[i];
      }
    }
  }
}
