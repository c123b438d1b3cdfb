package io.loadlens.dlms.apdu;

import io.loadlens.dlms.axdr.AxdrReader;

/**
 * ExceptionResponse (Green Book 9.5, tag 0xD8): {@code D8 state-error service-error}.
 *
 * <pre>
 *   state-error:   1 service-not-allowed, 2 service-unknown
 *   service-error: 1 operation-not-possible, 2 service-not-supported, 3 other-reason,
 *                  4 pdu-too-long, 5 deciphering-error, 6 invocation-counter-error
 * </pre>
 */
public record ExceptionResponse(int stateError, int serviceError) {
  public static final int TAG = 0xD8;
  public static final int STATE_SERVICE_NOT_ALLOWED = 1;
  public static final int STATE_SERVICE_UNKNOWN = 2;
  public static final int SERVICE_OPERATION_NOT_POSSIBLE = 1;
  public static final int SERVICE_NOT_SUPPORTED = 2;
  public static final int SERVICE_OTHER_REASON = 3;
  public static final int SERVICE_PDU_TOO_LONG = 4;
  public static final int SERVICE_DECIPHERING_ERROR = 5;
  public static final int SERVICE_INVOCATION_COUNTER_ERROR = 6;

  public byte[] encode() {
    return new byte[] {(byte) TAG, (byte) stateError, (byte) serviceError};
  }

  public static ExceptionResponse decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "exception-response");
    return new ExceptionResponse(r.u8("state-error"), r.u8("service-error"));
  }

  /** The errors as the standard names them. */
  public String label() {
    String state =
        switch (stateError) {
          case 1 -> "service-not-allowed(1)";
          case 2 -> "service-unknown(2)";
          default -> "state-error(" + stateError + ")";
        };
    String service =
        switch (serviceError) {
          case 1 -> "operation-not-possible(1)";
          case 2 -> "service-not-supported(2)";
          case 3 -> "other-reason(3)";
          case 4 -> "pdu-too-long(4)";
          case 5 -> "deciphering-error(5)";
          case 6 -> "invocation-counter-error(6)";
          default -> "service-error(" + serviceError + ")";
        };
    return state + " / " + service;
  }
}
