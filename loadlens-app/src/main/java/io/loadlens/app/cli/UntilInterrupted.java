package io.loadlens.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command run until Ctrl-C (SIGINT/SIGTERM) and then finish cleanly: the
 * shutdown hook waits (up to {@link #GRACE}) until the command has closed what it opened — flushed
 * its last readings, drained its outbox — instead of the JVM halting underneath it.
 */
final class UntilInterrupted implements AutoCloseable {
  static final Duration GRACE = Duration.ofSeconds(30);

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  UntilInterrupted() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    finished.await(GRACE.toSeconds(), TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "loadlens-shutdown"));
  }

  /** Blocks until the process is asked to stop. */
  void await() throws InterruptedException {
    stop.await();
  }

  /** Blocks until asked to stop or {@code seconds} pass. */
  void await(long seconds) throws InterruptedException {
    stop.await(seconds, TimeUnit.SECONDS);
  }

  /** Waits up to {@code seconds}; true when the process was asked to stop. */
  boolean stoppedWithin(long seconds) throws InterruptedException {
    return stop.await(seconds, TimeUnit.SECONDS);
  }

  /** The command has finished; the JVM may exit. */
  @Override
  public void close() {
    finished.countDown();
  }
}
