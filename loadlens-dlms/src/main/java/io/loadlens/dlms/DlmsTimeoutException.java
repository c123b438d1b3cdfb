package io.loadlens.dlms;

import io.loadlens.model.OperatorCode;

/** The peer did not answer within the configured timeout: retry later. */
public class DlmsTimeoutException extends DlmsException {
  private static final long serialVersionUID = 1L;

  public DlmsTimeoutException(String message) {
    super(OperatorCode.TIMEOUT, message);
  }

  public DlmsTimeoutException(String message, Throwable cause) {
    super(OperatorCode.TIMEOUT, message, cause);
  }
}
