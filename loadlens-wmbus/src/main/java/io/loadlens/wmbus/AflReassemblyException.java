package io.loadlens.wmbus;

/**
 * A fragmented AFL message could not be reassembled; the partial message is dropped. The reason
 * says what went wrong, the message names the meter and the fragment.
 */
public final class AflReassemblyException extends WMBusException {
  /** Why a partial message was dropped. */
  public enum Reason {
    /** A fragment was skipped: the next one arrived, or the meter began a new message. */
    MISSING_FRAGMENT,
    /** A fragment ID arrived again with different bytes. */
    DUPLICATE_FRAGMENT,
    /** A later fragment arrived with no message in progress (its first fragment never came). */
    OUT_OF_ORDER,
    /** The fragments together exceed the size limit. */
    OVERLONG,
    /** The message stayed incomplete longer than the time limit, or made room for a newer one. */
    STALE
  }

  private final Reason reason;

  public AflReassemblyException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
