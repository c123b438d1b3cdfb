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

  /** Slot times (epoch seconds of each slot's start), filled by {@link #times()}. */
  final long[] times;

  /** Slots to estimate and slots usable as anchors, set by the decision step. */
  final boolean[] estimate;

  final boolean[] anchor;

  /**
   * Slots a short gap may be interpolated from: the anchors, and kept values suspect only for the
   * run they belong to (a zero run or a flat line), which the series keeps as they are. Never an
   * outage.
   */
  final boolean[] endpoint;

  /** Status of the register row at each boundary (n + 1), used while placing register rows. */
  final int[] boundaryStatus;

  /**
   * A grid of {@code n} slots. Its columns come from the calling thread's scratch buffers when they
   * have that length (every validated series copies its columns, so a meter's arrays can serve the
   * next meter on the same thread: no per-interval allocation across a fleet of equal spans).
   */
  Work(int n, long from, int step, boolean withRegister) {
    this.n = n;
    this.from = from;
    this.step = step;
    Scratch s = SCRATCH.get();
    if (s == null || s.n != n) {
      s = new Scratch(n);
      SCRATCH.set(s);
    }
    this.raw = s.raw;
    Arrays.fill(raw, Double.NaN);
    this.status = s.status;
    Arrays.fill(status, 0);
    this.register = withRegister ? s.register : null;
    if (withRegister) {
      Arrays.fill(register, Double.NaN);
      Arrays.fill(s.boundaryStatus, 0);
    }
    this.boundaryStatus = s.boundaryStatus;
    this.reasons = s.reasons;
    Arrays.fill(reasons, 0);
    this.value = s.value;
    this.quality = s.quality;
    this.method = s.method;
    Arrays.fill(method, null);
    this.times = s.times;
    this.estimate = s.estimate;
    Arrays.fill(estimate, false);
    this.anchor = s.anchor;
    Arrays.fill(anchor, false);
    this.endpoint = s.endpoint;
    Arrays.fill(endpoint, false);
  }

  private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

  /** One thread's reusable columns for grids of {@code n} slots. */
  private static final class Scratch {
    final int n;
    final double[] raw;
    final int[] status;
    final double[] register;
    final int[] boundaryStatus;
    final long[] reasons;
    final double[] value;
    final Quality[] quality;
    final EstimationMethod[] method;
    final long[] times;
    final boolean[] estimate;
    final boolean[] anchor;
    final boolean[] endpoint;

    Scratch(int n) {
      this.n = n;
      raw = new double[n];
      status = new int[n];
      register = new double[n + 1];
      boundaryStatus = new int[n + 1];
      reasons = new long[n];
      value = new double[n];
      quality = new Quality[n];
      method = new EstimationMethod[n];
      times = new long[n];
      estimate = new boolean[n];
      anchor = new boolean[n];
      endpoint = new boolean[n];
    }
  }

  /** Every slot's start time, epoch seconds (a scratch column: copy it to keep it). */
  long[] times() {
    for (int i = 0; i < n; i++) {
      times[i] = from + (long) i * step;
    }
    return times;
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
