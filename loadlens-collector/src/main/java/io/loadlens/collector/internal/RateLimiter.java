package io.loadlens.collector.internal;

import io.loadlens.collector.Sleeper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spaces events at least {@code 1/perSecond} apart: each caller reserves the next free slot and
 * sleeps until it. No bursts, so a fleet never opens more than {@code perSecond} connections in any
 * one-second window (plus one).
 */
public final class RateLimiter {
  private final long spacingNanos;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final ReentrantLock lock = new ReentrantLock();
  private long nextFreeNanos = Long.MIN_VALUE;

  public RateLimiter(int perSecond, InstantSource clock, Sleeper sleeper) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be positive, got " + perSecond);
    }
    this.spacingNanos = 1_000_000_000L / perSecond;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits for this caller's slot. */
  public void acquire() throws InterruptedException {
    long now = nanos();
    long slot;
    lock.lock();
    try {
      slot = Math.max(now, nextFreeNanos);
      nextFreeNanos = slot + spacingNanos;
    } finally {
      lock.unlock();
    }
    if (slot > now) {
      sleeper.sleep(Duration.ofNanos(slot - now));
    }
  }

  private long nanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
