package io.loadlens.store;

import io.loadlens.model.MeterId;
import java.time.Instant;

/**
 * Which stored values an export selects.
 *
 * @param meter one meter, or {@code null} for all
 * @param from inclusive start, or {@code null} for unbounded
 * @param to exclusive end, or {@code null} for unbounded
 * @param includeEstimated also export the estimated and edited values of the VEE output
 */
public record ExportFilter(MeterId meter, Instant from, Instant to, boolean includeEstimated) {
  public ExportFilter {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("export range: to " + to + " is before from " + from);
    }
  }

  /** Everything, estimates included. */
  public static ExportFilter all() {
    return new ExportFilter(null, null, null, true);
  }

  public ExportFilter withMeter(MeterId m) {
    return new ExportFilter(m, from, to, includeEstimated);
  }

  public ExportFilter withRange(Instant f, Instant t) {
    return new ExportFilter(meter, f, t, includeEstimated);
  }
}
