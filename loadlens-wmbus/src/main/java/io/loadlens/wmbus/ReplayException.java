package io.loadlens.wmbus;

/**
 * A telegram whose authenticated message counter does not exceed the last one accepted from its
 * meter, and which is not a repeat of a telegram already accepted: a replay (or a meter whose
 * counter was reset). It is refused; never retry it.
 */
public final class ReplayException extends WMBusException {
  private final String meter;
  private final long counter;
  private final long lastAccepted;

  public ReplayException(String meter, long counter, long lastAccepted) {
    super(
        "wM-Bus "
            + meter
            + ": message counter "
            + counter
            + " does not increase (last accepted "
            + lastAccepted
            + "): replayed telegram refused");
    this.meter = meter;
    this.counter = counter;
    this.lastAccepted = lastAccepted;
  }

  public String meter() {
    return meter;
  }

  public long counter() {
    return counter;
  }

  public long lastAccepted() {
    return lastAccepted;
  }
}
