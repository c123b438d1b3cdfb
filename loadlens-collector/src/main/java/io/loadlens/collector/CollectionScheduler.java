package io.loadlens.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs collection passes once, or every N minutes aligned to the capture period: a pass starts at
 * each boundary of the period (e.g. :00, :15, :30, :45 for 15 minutes, in UTC) plus a settle delay
 * (so meters have closed the interval) plus a random jitter (so many collectors do not hit a shared
 * network at the same second). A pass that overruns skips the boundaries it missed; passes never
 * overlap.
 */
public final class CollectionScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionScheduler.class);

  private final FleetCollector collector;
  private final Duration every;
  private final Duration settle;
  private final Duration jitter;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private volatile boolean stopped;

  /**
   * @param every the pass period; must divide a day
   * @param settle delay after each boundary
   * @param jitter the largest extra random delay
   */
  public CollectionScheduler(
      FleetCollector collector,
      Duration every,
      Duration settle,
      Duration jitter,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random) {
    if (every.isNegative()
        || every.isZero()
        || Duration.ofDays(1).toSeconds() % every.toSeconds() != 0) {
      throw new IllegalArgumentException("every must be positive and divide a day, got " + every);
    }
    if (settle.isNegative() || jitter.isNegative() || settle.plus(jitter).compareTo(every) >= 0) {
      throw new IllegalArgumentException(
          "settle " + settle + " + jitter " + jitter + " must be less than the period " + every);
    }
    this.collector = collector;
    this.every = every;
    this.settle = settle;
    this.jitter = jitter;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Runs one pass now. */
  public PassSummary runOnce() {
    return collector.runPass();
  }

  /** The start of the next pass after {@code now}: next boundary + settle + jitter. */
  public Instant nextRun(Instant now) {
    long period = every.toSeconds();
    long offset = settle.toMillis() + (long) (random.getAsDouble() * jitter.toMillis());
    long boundary = Math.floorDiv(now.getEpochSecond(), period) * period;
    Instant candidate = Instant.ofEpochSecond(boundary).plusMillis(offset);
    while (!candidate.isAfter(now)) {
      boundary += period;
      candidate = Instant.ofEpochSecond(boundary).plusMillis(offset);
    }
    return candidate;
  }

  /**
   * Runs passes until {@link #stop()} or interruption, up to {@code maxPasses} (0 = no limit).
   *
   * @return the number of passes run
   */
  public int runEvery(int maxPasses) {
    int passes = 0;
    while (!stopped && (maxPasses == 0 || passes < maxPasses)) {
      Instant now = clock.instant();
      Instant next = nextRun(now);
      try {
        sleeper.sleep(Duration.between(now, next));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return passes;
      }
      if (stopped) {
        break;
      }
      try {
        collector.runPass();
      } catch (CollectionException e) {
        LOG.error("collection pass failed: {}", e.getMessage(), e);
      }
      passes++;
    }
    return passes;
  }

  /** Stops after the current pass. */
  public void stop() {
    stopped = true;
  }
}
