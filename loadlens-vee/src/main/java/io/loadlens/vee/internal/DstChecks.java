package io.loadlens.vee.internal;

import static io.loadlens.vee.ValidationReason.DST_DUPLICATE;
import static io.loadlens.vee.ValidationReason.DST_HOLE;

import io.loadlens.vee.VeeConfig;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Clock problems caused by local time around the daylight-saving changes of the meter's zone. All
 * grid arithmetic is in UTC, so a correct meter shows nothing here; a meter (or a collector) that
 * stamps local wall time without its offset shows a hole of exactly the shift at spring-forward, or
 * replays the repeated local hour at fall-back.
 */
public final class DstChecks {
  private DstChecks() {}

  public static void run(Work w, ZoneRules rules, VeeConfig cfg) {
    if (rules.isFixedOffset()) {
      return;
    }
    long end = w.time(w.n);
    ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(w.from - 1));
    while (t != null && t.toEpochSecond() < end) {
      int shift = (int) t.getDuration().abs().getSeconds();
      int k = (int) Math.floorDiv(t.toEpochSecond() - w.from, w.step);
      int d = shift / w.step;
      if (d > 0 && shift % w.step == 0) {
        if (t.isGap() && cfg.enabled(DST_HOLE)) {
          hole(w, k, d);
        } else if (t.isOverlap() && cfg.enabled(DST_DUPLICATE)) {
          replay(w, k, d);
        }
      }
      t = rules.nextTransition(t.getInstant());
    }
  }

  /** A missing run of exactly {@code d} slots starting within one slot of the change. */
  private static void hole(Work w, int k, int d) {
    for (int a = k - 1; a <= k + 1; a++) {
      int b = a + d;
      if (a < 1 || b >= w.n) {
        continue;
      }
      boolean exact = w.present(a - 1) && w.present(b);
      for (int i = a; i < b && exact; i++) {
        exact = !w.present(i);
      }
      if (exact) {
        w.mark(a, b, DST_HOLE.bit());
        return;
      }
    }
  }

  /** The {@code d} slots after the change repeat the {@code d} slots before it, not all zero. */
  private static void replay(Work w, int k, int d) {
    if (k - d < 0 || k + d > w.n) {
      return;
    }
    boolean nonZero = false;
    for (int i = 0; i < d; i++) {
      double before = w.raw[k - d + i];
      double after = w.raw[k + i];
      if (Double.isNaN(before) || before != after) {
        return;
      }
      nonZero |= before != 0;
    }
    if (nonZero) {
      w.mark(k, k + d, DST_DUPLICATE.bit());
    }
  }
}
