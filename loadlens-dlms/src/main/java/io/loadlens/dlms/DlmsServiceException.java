package io.loadlens.dlms;

import io.loadlens.model.OperatorCode;

/**
 * The meter answered with an error: a data-access-result or action-result other than success, an
 * exception-response or confirmed-service-error, or a response that does not match the request.
 * {@link #result()} carries the standard's name and number of the error (e.g. {@code
 * "object-undefined(4)"}).
 */
public class DlmsServiceException extends DlmsException {
  private static final long serialVersionUID = 1L;
  private final String result;

  public DlmsServiceException(String message, String result) {
    super(OperatorCode.PROTOCOL_ERROR, message);
    this.result = result;
  }

  public DlmsServiceException(String message, String result, Throwable cause) {
    super(OperatorCode.PROTOCOL_ERROR, message, cause);
    this.result = result;
  }

  /** The meter's error as the standard names it, e.g. {@code "object-undefined(4)"}. */
  public String result() {
    return result;
  }
}
