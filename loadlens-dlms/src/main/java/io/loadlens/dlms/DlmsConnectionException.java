package io.loadlens.dlms;

import io.loadlens.model.OperatorCode;

/**
 * The connection could not be opened ({@link OperatorCode#CONNECTION_FAILED}) or was lost in the
 * middle of a session ({@link OperatorCode#CONNECTION_LOST}): retry later.
 */
public class DlmsConnectionException extends DlmsException {
  private static final long serialVersionUID = 1L;

  public DlmsConnectionException(OperatorCode code, String message, Throwable cause) {
    super(check(code), message, cause);
  }

  public static DlmsConnectionException failed(String message, Throwable cause) {
    return new DlmsConnectionException(OperatorCode.CONNECTION_FAILED, message, cause);
  }

  public static DlmsConnectionException lost(String message, Throwable cause) {
    return new DlmsConnectionException(OperatorCode.CONNECTION_LOST, message, cause);
  }

  private static OperatorCode check(OperatorCode code) {
    if (code != OperatorCode.CONNECTION_FAILED && code != OperatorCode.CONNECTION_LOST) {
      throw new IllegalArgumentException(
          "DlmsConnectionException code must be CONNECTION_FAILED or CONNECTION_LOST, got " + code);
    }
    return code;
  }
}
