package io.loadlens.dlms;

import io.loadlens.model.OperatorCode;

/**
 * Base of every error the DLMS/COSEM stack raises. Subclasses are grouped by what the caller should
 * do: drop the frame ({@link DlmsFramingException}), never retry ({@link
 * DlmsAuthenticationException}, {@link DlmsReplayException}), retry later ({@link
 * DlmsTimeoutException}, {@link DlmsConnectionException}) or report the meter's answer ({@link
 * DlmsServiceException}). Messages name the field, offset and values; they never contain keys.
 */
public class DlmsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final OperatorCode operatorCode;

  public DlmsException(OperatorCode operatorCode, String message) {
    this(operatorCode, message, null);
  }

  public DlmsException(OperatorCode operatorCode, String message, Throwable cause) {
    super(message, cause);
    this.operatorCode = operatorCode;
  }

  /** The code operators see for this failure. */
  public OperatorCode operatorCode() {
    return operatorCode;
  }
}
