package io.loadlens.collector;

import java.time.Duration;

/** Waits. Injected beside the {@link java.time.Clock} so tests can run backoff in fake time. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling (virtual) thread. */
  Sleeper SYSTEM =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d);
        }
      };
}
