package io.loadlens.vee.internal;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.vee.SegmentProfile;
import io.loadlens.vee.ValidationReason;
import io.loadlens.vee.ValidationReason.Action;
import io.loadlens.vee.VeeConfig;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/** VEE of one channel: grid, checks, decision, estimation, register check, findings. */
public final class ChannelVee {
  private final VeeConfig cfg;
  private final long replaceMask;
  private final long suspectMask;

  /**
   * Suspect reasons that describe a run of kept values, not a wrong reading: short-gap endpoints.
   */
  private static final long RUN_PATTERNS =
      ValidationReason.ZERO_RUN.bit() | ValidationReason.FLAT_LINE.bit();

  public ChannelVee(VeeConfig cfg) {
    this.cfg = cfg;
    long replace = ValidationReason.MISSING.bit();
    long suspect = 0;
    for (ValidationReason r : ValidationReason.values()) {
      if (r != ValidationReason.MISSING && cfg.action(r) == Action.REPLACE) {
        replace |= r.bit();
      } else if (cfg.action(r) == Action.SUSPECT) {
        suspect |= r.bit();
      }
    }
    this.replaceMask = replace;
    this.suspectMask = suspect;
  }

  /** What one channel needs besides the raw rows. */
  public record Context(
      MeterId meter,
      ObisCode output,
      ZoneRules zone,
      double capacityKw,
      long from,
      int n,
      int step,
      boolean rowEnd,
      List<ValidatedSeries> history,
      SegmentProfile segment,
      String veeVersion) {}

  /** Validates one channel; adds its findings to {@code findings}. */
  public ValidatedSeries run(
      IntervalSeries intervals, IntervalSeries register, Context ctx, List<MeterEvent> findings) {
    Work w =
        GridBuilder.build(
            intervals,
            register,
            ctx.from(),
            ctx.n(),
            ctx.step(),
            ctx.rowEnd(),
            cfg.clockTolerance().getSeconds());
    Checks.run(w, cfg, ctx.capacityKw(), ctx.output().c() == 1);
    DstChecks.run(w, ctx.zone(), cfg);
    boolean[] est = w.estimate;
    boolean[] anchor = w.anchor;
    decide(w, est, anchor);
    Estimator estimator =
        new Estimator(
            w,
            anchor,
            Checks.slots(cfg.interpolationLimit(), w.step),
            cfg.billingGapIntervals(),
            cfg.similarDayWindowDays(),
            () -> profiles(w, ctx));
    estimator.run(est);
    registerCheck(w, ctx, findings);
    Findings.collect(w, ctx.meter(), ctx.output(), findings);
    return new ValidatedSeries(
        ctx.meter(),
        ctx.output(),
        Unit.WATT_HOUR,
        w.step,
        w.times(),
        w.value,
        w.quality,
        w.method,
        w.reasons,
        ctx.veeVersion());
  }

  private void decide(Work w, boolean[] est, boolean[] anchor) {
    for (int i = 0; i < w.n; i++) {
      long r = w.reasons[i];
      if (!w.present(i) || (r & replaceMask) != 0) {
        est[i] = true;
        w.value[i] = Double.NaN;
        w.quality[i] = Quality.MISSING;
      } else {
        w.value[i] = w.raw[i];
        boolean suspect = (r & suspectMask) != 0;
        w.quality[i] = suspect ? Quality.SUSPECT : Quality.VALID;
        anchor[i] = !suspect;
        w.endpoint[i] = (r & suspectMask & ~RUN_PATTERNS) == 0;
      }
    }
  }

  /**
   * The extended grid of usable values: history before the span, then the span's VALID values and
   * the values kept in a zero run or flat line (the series publishes them as they are; an outage or
   * a clock problem never counts).
   */
  private ProfileSource profiles(Work w, Context ctx) {
    long extFrom = w.from;
    long oldest = w.from - (long) cfg.historyLimitDays() * 86_400L;
    for (ValidatedSeries h : ctx.history()) {
      if (!h.obis().equals(ctx.output()) || h.size() == 0) {
        continue;
      }
      long first = Math.max(h.epochSeconds()[0], oldest);
      long aligned = w.from - Math.floorDiv(w.from - first, w.step) * w.step;
      extFrom = Math.min(extFrom, aligned);
    }
    int offset = (int) ((w.from - extFrom) / w.step);
    double[] ext = new double[offset + w.n];
    Arrays.fill(ext, 0, offset, Double.NaN);
    for (ValidatedSeries h : ctx.history()) {
      if (h.obis().equals(ctx.output())) {
        placeHistory(h, ext, extFrom, offset, w.step);
      }
    }
    for (int i = 0; i < w.n; i++) {
      boolean kept =
          w.quality[i] == Quality.VALID || (w.quality[i] == Quality.SUSPECT && w.endpoint[i]);
      ext[offset + i] = kept ? w.value[i] : Double.NaN;
    }
    return new ProfileSource(
        ext,
        offset,
        ctx.zone(),
        extFrom,
        w.step,
        cfg.similarDays(),
        cfg.similarDayWindowDays(),
        ctx.segment());
  }

  private static void placeHistory(
      ValidatedSeries h, double[] ext, long extFrom, int offset, int step) {
    long[] t = h.epochSeconds();
    if (Math.floorMod(t[0] - extFrom, step) != 0) {
      throw new IllegalArgumentException(
          "VeeInput.history: "
              + h
              + " starts at "
              + Instant.ofEpochSecond(t[0])
              + ", not on the span's interval grid");
    }
    for (int j = 0; j < t.length; j++) {
      long k = (t[j] - extFrom) / step;
      Quality q = h.quality()[j];
      if (k >= 0 && k < offset && (q == Quality.VALID || q == Quality.EDITED)) {
        ext[(int) k] = h.values()[j];
      }
    }
  }

  /**
   * The register check: the validated intervals between the first and last register readings of the
   * span must add up to the register difference, within the configured tolerance.
   */
  private void registerCheck(Work w, Context ctx, List<MeterEvent> findings) {
    double[] reg = w.register;
    if (reg == null || !cfg.enabled(ValidationReason.REGISTER_MISMATCH)) {
      return;
    }
    int p = 0;
    while (p <= w.n && Double.isNaN(reg[p])) {
      p++;
    }
    int q = w.n;
    while (q > p && Double.isNaN(reg[q])) {
      q--;
    }
    if (q <= p) {
      return;
    }
    double sum = 0;
    for (int i = p; i < q; i++) {
      if (Double.isNaN(w.value[i])) {
        return; // a gap no method filled: nothing to compare
      }
      sum += w.value[i];
    }
    double diff = reg[q] - reg[p];
    double tol =
        Math.max(cfg.registerToleranceWh(), cfg.registerToleranceRelative() * Math.abs(diff));
    if (Math.abs(sum - diff) > tol) {
      for (int i = p; i < q; i++) {
        if (w.quality[i] == Quality.ESTIMATED && w.present(i)) {
          w.reasons[i] |= ValidationReason.REGISTER_MISMATCH.bit();
        }
      }
      findings.add(
          new MeterEvent(
              ctx.meter(),
              MeterEvent.Kind.VALIDATION,
              Instant.ofEpochSecond(w.time(p)),
              Instant.ofEpochSecond(w.time(q)),
              null,
              String.format(
                  "%s: intervals add up to %.3f Wh but the register advanced %.3f Wh"
                      + " (difference %.3f Wh, tolerance %.3f Wh)",
                  ctx.output(), sum, diff, sum - diff, tol)));
    }
  }
}
