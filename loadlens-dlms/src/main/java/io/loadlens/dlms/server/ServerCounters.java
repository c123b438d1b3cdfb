package io.loadlens.dlms.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The invocation counters one meter keeps across connections (Green Book 9.2.2.3.3): the next
 * counter it sends with, and the last counter it accepted from the client (received counters must
 * be strictly greater).
 */
public final class ServerCounters {
  private final AtomicLong next = new AtomicLong(1);
  private final AtomicLong lastAccepted = new AtomicLong(-1);

  /** The counter for the next ciphered APDU the meter sends. */
  public long nextOutgoing() {
    return next.getAndIncrement();
  }

  /** The last client counter accepted, -1 before any. */
  public long lastAccepted() {
    return lastAccepted.get();
  }

  /** True when {@code ic} is greater than the last accepted one. */
  public boolean isFresh(long ic) {
    return ic > lastAccepted.get();
  }

  /** Records {@code ic} as accepted (after its tag verified); false if a newer one raced ahead. */
  public boolean accept(long ic) {
    while (true) {
      long last = lastAccepted.get();
      if (ic <= last) {
        return false;
      }
      if (lastAccepted.compareAndSet(last, ic)) {
        return true;
      }
    }
  }
}
