package io.loadlens.collector.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": before retry {@code n} (1-based) the wait is {@code d/2
 * + random * d/2} where {@code d = min(max, base * 2^(n-1))}. The jitter spreads the retries of
 * many meters that failed together (e.g. behind one gateway) so they do not return in step.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  /**
   * @param random uniform values in [0, 1); injected so tests are repeatable
   */
  public Backoff(Duration base, Duration max, DoubleSupplier random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The wait before retry {@code retry} (1 for the first retry). */
  public Duration delay(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be 1 or more, got " + retry);
    }
    long baseNanos = base.toNanos();
    long ceiling = max.toNanos();
    long d = retry > 62 ? ceiling : baseNanos;
    for (int i = 1; i < retry && d < ceiling; i++) {
      d = d > ceiling / 2 ? ceiling : d * 2;
    }
    d = Math.min(d, ceiling);
    long half = d / 2;
    return Duration.ofNanos(half + (long) (random.getAsDouble() * (d - half)));
  }
}
