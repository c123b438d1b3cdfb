package io.loadlens.dlms;

import io.loadlens.model.OperatorCode;

/**
 * Association rejected, wrong password, GMAC or GCM tag failure: never retry with the same keys.
 */
public class DlmsAuthenticationException extends DlmsException {
  private static final long serialVersionUID = 1L;

  public DlmsAuthenticationException(String message) {
    super(OperatorCode.AUTHENTICATION_FAILURE, message);
  }

  public DlmsAuthenticationException(String message, Throwable cause) {
    super(OperatorCode.AUTHENTICATION_FAILURE, message, cause);
  }
}
