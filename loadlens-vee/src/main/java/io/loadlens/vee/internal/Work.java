package io.loadlens.vee.internal;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.Quality;
import java.util.Arrays;

/**
 * One channel of one meter on the regular interval grid, as columns: what was read, the reasons
 * found and what VEE decided. Slot {@code i} is the interval {@code [from + i*step, from +
 * (i+1)*step)}; register boundary {@code k} is the instant {@code from + k*step}.
 */
public final class Work {
  /** Number of intervals. */
  public final int n;

  /** Start of slot 0, epoch seconds UTC. */
  public final long from;

  /** Interval length in seconds. */
  public final int step;

  /** Raw interval energy per slot; NaN where no value was read. Never changed after building. */
  public final double[] raw;

  /** The meter's status byte for the slot (the row that closed the interval). */
  public final int[] status;

  /**
   * Register reading at each boundary (n + 1 of them), NaN where unknown; null without register.
   */
  public final double[] register;

  /** Validation reason bits per slot. */
  public final long[] reasons;

  /** Output value per slot. */
  public final double[] value;

  /** Output quality per slot. */
  public final Quality[] quality;

  /** Output method per slot. */
  public final EstimationMethod[] method;

  Work(int n, long from, int step, boolean withRegister) {
    this.n = n;
    this.from = from;
    this.step = step;
    this.raw = new double[n];
    Arrays.fill(raw, Double.NaN);
    this.status = new int[n];
    this.register = withRegister ? nanArray(n + 1) : null;
    this.reasons = new long[n];
    this.value = new double[n];
    this.quality = new Quality[n];
    this.method = new EstimationMethod[n];
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  /** Start of slot {@code i}, epoch seconds. */
  public long time(int i) {
    return from + (long) i * step;
  }

  /** Whether a raw value was read for slot {@code i}. */
  public boolean present(int i) {
    return !Double.isNaN(raw[i]);
  }

  /** Sets reason bits on slots {@code [a, b)}. */
  public void mark(int a, int b, long bits) {
    for (int i = Math.max(0, a); i < Math.min(n, b); i++) {
      reasons[i] |= bits;
    }
  }

  /** All reason bits found on any slot. */
  public long allReasons() {
    long all = 0;
    for (long r : reasons) {
      all |= r;
    }
    return all;
  }
}
