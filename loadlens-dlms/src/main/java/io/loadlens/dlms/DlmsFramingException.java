package io.loadlens.dlms;

import io.loadlens.model.OperatorCode;

/** A frame or APDU could not be decoded (checksum, length, tag, malformed A-XDR/BER): drop it. */
public class DlmsFramingException extends DlmsException {
  private static final long serialVersionUID = 1L;

  public DlmsFramingException(String message) {
    super(OperatorCode.FRAMING_ERROR, message);
  }

  public DlmsFramingException(String message, Throwable cause) {
    super(OperatorCode.FRAMING_ERROR, message, cause);
  }
}
