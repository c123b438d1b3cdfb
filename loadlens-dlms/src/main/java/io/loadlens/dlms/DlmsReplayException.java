package io.loadlens.dlms;

import io.loadlens.model.OperatorCode;

/**
 * An invocation counter was not greater than the last accepted one (possible replay), or the peer
 * rejected ours as stale: never retry with the same counter.
 */
public class DlmsReplayException extends DlmsException {
  private static final long serialVersionUID = 1L;

  public DlmsReplayException(String message) {
    super(OperatorCode.REPLAY_DETECTED, message);
  }

  public DlmsReplayException(String message, Throwable cause) {
    super(OperatorCode.REPLAY_DETECTED, message, cause);
  }
}
