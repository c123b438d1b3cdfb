package io.loadlens.collector.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The range a catch-up read asks for: from one second after the last stored capture up to now, or,
 * for a profile never read, from {@code initialDays} before now (aligned down to the capture
 * period). Overlap with stored data is harmless: the store is idempotent.
 */
public final class CatchUp {
  private CatchUp() {}

  /**
   * A read range, both ends inclusive.
   *
   * @param from first capture time wanted
   * @param to last capture time wanted
   * @param continues whether {@code from} follows stored data (so missing intervals right after it
   *     are gaps), rather than the {@code initialDays} horizon of a never-read meter
   */
  public record Range(Instant from, Instant to, boolean continues) {}

  /** The range to read, empty when nothing can be new (the last capture is not before now). */
  public static Optional<Range> range(
      Optional<Instant> lastCapture, Instant now, int initialDays, int intervalSeconds) {
    if (lastCapture.isPresent()) {
      Instant from = lastCapture.get().plusSeconds(1);
      return from.isAfter(now) ? Optional.empty() : Optional.of(new Range(from, now, true));
    }
    long horizon = now.minus(Duration.ofDays(initialDays)).getEpochSecond();
    long aligned = Math.floorDiv(horizon, intervalSeconds) * intervalSeconds;
    return Optional.of(new Range(Instant.ofEpochSecond(aligned), now, false));
  }
}
