package io.loadlens.collector;

import io.loadlens.model.OperatorCode;
import java.util.Objects;

/**
 * Reading a meter failed. Carries the operator code and whether another attempt may succeed:
 * timeouts, lost or refused connections and damaged frames are retried; authentication failures,
 * replays, service errors and configuration faults are not.
 */
public class ReadFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final OperatorCode code;
  private final boolean retriable;

  public ReadFailure(OperatorCode code, String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.retriable = retriable;
  }

  /** A failure whose retriability follows from its code. */
  public ReadFailure(OperatorCode code, String message) {
    this(code, message, retriableByDefault(code), null);
  }

  public OperatorCode code() {
    return code;
  }

  public boolean retriable() {
    return retriable;
  }

  /** Timeouts, connection failures and framing errors are worth another attempt. */
  public static boolean retriableByDefault(OperatorCode code) {
    return switch (code) {
      case TIMEOUT, CONNECTION_FAILED, CONNECTION_LOST, FRAMING_ERROR -> true;
      default -> false;
    };
  }
}
