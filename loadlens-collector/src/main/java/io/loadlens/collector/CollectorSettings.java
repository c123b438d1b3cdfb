package io.loadlens.collector;

import java.time.Duration;

/**
 * The collector's bounds, frozen at start; impossible values are rejected, never clamped.
 *
 * @param maxConnections open meter sessions at once, over the whole fleet
 * @param maxNewConnectionsPerSecond new connections opened per second (retries included)
 * @param maxConnectionsPerGroup open sessions at once per group (gateway); meters without a group
 *     are limited only by {@code maxConnections}
 * @param initialDays how far back the first read of a never-read meter goes
 * @param backoffBase the wait before the first retry; doubles with each further retry
 * @param backoffMax the longest wait between retries
 */
public record CollectorSettings(
    int maxConnections,
    int maxNewConnectionsPerSecond,
    int maxConnectionsPerGroup,
    int initialDays,
    Duration backoffBase,
    Duration backoffMax) {

  public static final CollectorSettings STANDARD =
      new CollectorSettings(256, 1000, 32, 30, Duration.ofMillis(500), Duration.ofSeconds(30));

  public CollectorSettings {
    positive("maxConnections", maxConnections);
    positive("maxNewConnectionsPerSecond", maxNewConnectionsPerSecond);
    positive("maxConnectionsPerGroup", maxConnectionsPerGroup);
    positive("initialDays", initialDays);
    if (backoffBase == null || backoffBase.isNegative()) {
      throw new IllegalArgumentException("backoffBase must be 0 or more, got " + backoffBase);
    }
    if (backoffMax == null || backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException(
          "backoffMax must be at least backoffBase " + backoffBase + ", got " + backoffMax);
    }
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }

  public CollectorSettings withMaxConnections(int n) {
    return new CollectorSettings(
        n,
        maxNewConnectionsPerSecond,
        maxConnectionsPerGroup,
        initialDays,
        backoffBase,
        backoffMax);
  }

  public CollectorSettings withMaxNewConnectionsPerSecond(int n) {
    return new CollectorSettings(
        maxConnections, n, maxConnectionsPerGroup, initialDays, backoffBase, backoffMax);
  }

  public CollectorSettings withMaxConnectionsPerGroup(int n) {
    return new CollectorSettings(
        maxConnections, maxNewConnectionsPerSecond, n, initialDays, backoffBase, backoffMax);
  }

  public CollectorSettings withInitialDays(int n) {
    return new CollectorSettings(
        maxConnections,
        maxNewConnectionsPerSecond,
        maxConnectionsPerGroup,
        n,
        backoffBase,
        backoffMax);
  }

  public CollectorSettings withBackoff(Duration base, Duration max) {
    return new CollectorSettings(
        maxConnections, maxNewConnectionsPerSecond, maxConnectionsPerGroup, initialDays, base, max);
  }
}
