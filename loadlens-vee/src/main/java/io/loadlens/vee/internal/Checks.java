package io.loadlens.vee.internal;

import static io.loadlens.vee.ValidationReason.ABOVE_CAPACITY;
import static io.loadlens.vee.ValidationReason.CLOCK_STATUS;
import static io.loadlens.vee.ValidationReason.DATA_NOT_VALID;
import static io.loadlens.vee.ValidationReason.FLAT_LINE;
import static io.loadlens.vee.ValidationReason.HARDWARE_FAULT;
import static io.loadlens.vee.ValidationReason.MISSING;
import static io.loadlens.vee.ValidationReason.NEGATIVE;
import static io.loadlens.vee.ValidationReason.OUTAGE;
import static io.loadlens.vee.ValidationReason.SPIKE;
import static io.loadlens.vee.ValidationReason.ZERO_RUN;

import io.loadlens.model.ProfileStatus;
import io.loadlens.vee.VeeConfig;

/**
 * The validation checks over one channel's grid; each sets its reason bit on the slots it flags.
 */
public final class Checks {
  private Checks() {}

  /**
   * Runs every enabled check except the clock/DST checks (see {@link DstChecks}).
   *
   * @param consumption whether the channel is consumption (import); zero runs are a finding only
   *     there, since an export channel is zero whenever nothing is generated
   */
  public static void run(Work w, VeeConfig cfg, double capacityKw, boolean consumption) {
    statusAndGaps(w, cfg);
    if (cfg.enabled(NEGATIVE)) {
      negative(w);
    }
    if (cfg.enabled(ABOVE_CAPACITY) && capacityKw > 0) {
      aboveCapacity(w, capacityKw * cfg.capacityFactor() * 1000.0 * w.step / 3600.0);
    }
    if (cfg.enabled(SPIKE)) {
      spikes(w, cfg.spikeMinIntervals(), cfg.spikeThreshold(), slots(cfg.spikeWindow(), w.step));
    }
    if (consumption && cfg.enabled(ZERO_RUN)) {
      runs(w, true, slots(cfg.zeroRunMinimum(), w.step), ZERO_RUN.bit());
    }
    if (cfg.enabled(FLAT_LINE)) {
      runs(w, false, slots(cfg.flatLineMinimum(), w.step), FLAT_LINE.bit());
    }
  }

  static int slots(java.time.Duration d, int step) {
    return (int) Math.max(1, (d.getSeconds() + step - 1) / step);
  }

  /**
   * Status bits of the IDIS AMR profile status ({@link ProfileStatus}) and missing intervals. A gap
   * closed by a row with the power-down bit is an outage.
   */
  static void statusAndGaps(Work w, VeeConfig cfg) {
    long statusBits = 0;
    boolean outage = cfg.enabled(OUTAGE);
    for (int i = 0; i < w.n; i++) {
      int st = w.status[i];
      if (st != 0) {
        long r = 0;
        if (outage && ProfileStatus.isSet(st, ProfileStatus.POWER_DOWN)) {
          r |= OUTAGE.bit();
        }
        if (cfg.enabled(HARDWARE_FAULT) && ProfileStatus.isSet(st, ProfileStatus.CRITICAL_ERROR)) {
          r |= HARDWARE_FAULT.bit();
        }
        if (cfg.enabled(DATA_NOT_VALID) && ProfileStatus.isSet(st, ProfileStatus.DATA_NOT_VALID)) {
          r |= DATA_NOT_VALID.bit();
        }
        if (cfg.enabled(CLOCK_STATUS)
            && (ProfileStatus.isSet(st, ProfileStatus.CLOCK_ADJUSTED)
                || ProfileStatus.isSet(st, ProfileStatus.CLOCK_INVALID))) {
          r |= CLOCK_STATUS.bit();
        }
        w.reasons[i] |= r;
        statusBits |= r;
      }
    }
    int i = 0;
    while (i < w.n) {
      if (w.present(i)) {
        i++;
        continue;
      }
      int a = i;
      while (i < w.n && !w.present(i)) {
        i++;
      }
      long bits = MISSING.bit();
      if (outage && (statusBits & OUTAGE.bit()) != 0 && closedByPowerDown(w, a, i)) {
        bits |= OUTAGE.bit();
      }
      w.mark(a, i, bits);
    }
  }

  private static boolean closedByPowerDown(Work w, int a, int b) {
    for (int j = a; j <= Math.min(b, w.n - 1); j++) {
      if (ProfileStatus.isSet(w.status[j], ProfileStatus.POWER_DOWN)) {
        return true;
      }
    }
    return false;
  }

  /** Negative consumption: the cumulative register went backwards. */
  static void negative(Work w) {
    for (int i = 0; i < w.n; i++) {
      if (w.raw[i] < 0) {
        w.reasons[i] |= NEGATIVE.bit();
      }
    }
  }

  /** Energy in one interval above what the connection can deliver in that time. */
  static void aboveCapacity(Work w, double maxWhPerInterval) {
    for (int i = 0; i < w.n; i++) {
      if (w.raw[i] > maxWhPerInterval) {
        w.reasons[i] |= ABOVE_CAPACITY.bit();
      }
    }
  }

  /**
   * The spike rule: in each window with at least {@code minIntervals} values, the highest value is
   * a spike when {@code (highest - thirdHighest) / thirdHighest > threshold}. Values already
   * flagged negative, above capacity or faulty are left out.
   */
  static void spikes(Work w, int minIntervals, double threshold, int window) {
    long skip = NEGATIVE.bit() | ABOVE_CAPACITY.bit() | HARDWARE_FAULT.bit();
    for (int start = 0; start < w.n; start += window) {
      int end = Math.min(w.n, start + window);
      double first = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      double third = Double.NEGATIVE_INFINITY;
      int argMax = -1;
      int count = 0;
      for (int i = start; i < end; i++) {
        double v = w.raw[i];
        if (Double.isNaN(v) || (w.reasons[i] & skip) != 0) {
          continue;
        }
        count++;
        if (v > first) {
          third = second;
          second = first;
          first = v;
          argMax = i;
        } else if (v > second) {
          third = second;
          second = v;
        } else if (v > third) {
          third = v;
        }
      }
      if (count >= Math.max(3, minIntervals) && third > 0 && (first - third) / third > threshold) {
        w.reasons[argMax] |= SPIKE.bit();
      }
    }
  }

  /**
   * Runs of zeros ({@code zeros}) or of one constant non-zero value, at least {@code minLength}
   * slots long. A missing slot ends a run.
   */
  static void runs(Work w, boolean zeros, int minLength, long bit) {
    int i = 0;
    while (i < w.n) {
      double v = w.raw[i];
      if (Double.isNaN(v) || (zeros != (v == 0))) {
        i++;
        continue;
      }
      int a = i;
      while (i < w.n && w.raw[i] == v) {
        i++;
      }
      if (i - a >= minLength) {
        w.mark(a, i, bit);
      }
    }
  }
}
