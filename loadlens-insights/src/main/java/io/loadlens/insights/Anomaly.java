package io.loadlens.insights;

import java.util.Objects;

/**
 * One anomaly.
 *
 * @param score 0..1, higher is more certain or more severe
 * @param from start of the concerned interval (local ISO date or date-time)
 * @param to end (exclusive) of the concerned interval
 */
public record Anomaly(AnomalyKind kind, double score, String from, String to, String description) {
  public Anomaly {
    Objects.requireNonNull(kind, "kind");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(kind + ": score must be in 0..1, got " + score);
    }
  }
}
