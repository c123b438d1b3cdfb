package io.loadlens.collector.internal;

import io.loadlens.collector.Sleeper;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The collector's connection bounds: a permit per open session from the meter's group (when it has
 * one), then from the whole fleet, then a slot from the new-connection rate limiter. Permits are
 * taken in that fixed order and released together, so there is no lock-order deadlock; a meter
 * waiting for its group's permit holds no fleet permit.
 */
public final class ConnectionPermits {
  private final Semaphore global;
  private final int perGroup;
  private final Map<String, Semaphore> groups = new ConcurrentHashMap<>();
  private final RateLimiter rate;

  public ConnectionPermits(
      int maxConnections, int perSecond, int perGroup, InstantSource clock, Sleeper sleeper) {
    this.global = new Semaphore(maxConnections, true);
    this.perGroup = perGroup;
    this.rate = new RateLimiter(perSecond, clock, sleeper);
  }

  /** Waits for the permits of one new connection; close the result to give them back. */
  public Permit acquire(String group) throws InterruptedException {
    Semaphore g =
        group.isEmpty() ? null : groups.computeIfAbsent(group, k -> new Semaphore(perGroup, true));
    if (g != null) {
      g.acquire();
    }
    try {
      global.acquire();
    } catch (InterruptedException e) {
      if (g != null) {
        g.release();
      }
      throw e;
    }
    Permit permit = new Permit(g);
    try {
      rate.acquire();
    } catch (InterruptedException e) {
      permit.close();
      throw e;
    }
    return permit;
  }

  /** Permits held for one connection. */
  public final class Permit implements AutoCloseable {
    private final Semaphore group;
    private boolean released;

    private Permit(Semaphore group) {
      this.group = group;
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        global.release();
        if (group != null) {
          group.release();
        }
      }
    }
  }
}
