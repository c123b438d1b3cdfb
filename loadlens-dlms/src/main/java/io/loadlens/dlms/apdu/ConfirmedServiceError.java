package io.loadlens.dlms.apdu;

import io.loadlens.dlms.axdr.AxdrReader;

/**
 * ConfirmedServiceError (Green Book 9.5, tag 0x0E): {@code 0E service choice(1) service-error
 * tag(1) value(1)}, e.g. {@code 0E 01 06 01} = initiateError, initiate, dlms-version-too-low.
 */
public record ConfirmedServiceError(int service, int errorTag, int value) {
  public static final int TAG = 0x0E;

  public byte[] encode() {
    return new byte[] {TAG, (byte) service, (byte) errorTag, (byte) value};
  }

  public static ConfirmedServiceError decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "confirmed-service-error");
    return new ConfirmedServiceError(
        r.u8("confirmed-service-error choice"),
        r.u8("service-error tag"),
        r.u8("service-error value"));
  }

  /**
   * The error as the standard names it, e.g. {@code initiateError /
   * initiate:dlms-version-too-low(1)}.
   */
  public String label() {
    String s =
        switch (service) {
          case 1 -> "initiateError";
          case 2 -> "getStatus";
          case 3 -> "getNameList";
          case 4 -> "getVariableAttribute";
          case 5 -> "read";
          case 6 -> "write";
          default -> "service(" + service + ")";
        };
    String tag =
        switch (errorTag) {
          case 0 -> "application-reference";
          case 1 -> "hardware-resource";
          case 2 -> "vde-state-error";
          case 3 -> "service";
          case 4 -> "definition";
          case 5 -> "access";
          case 6 -> "initiate";
          case 7 -> "load-data-set";
          case 9 -> "task";
          default -> "other-error";
        };
    String v =
        errorTag == 6
            ? switch (value) {
              case 0 -> "other";
              case 1 -> "dlms-version-too-low";
              case 2 -> "incompatible-conformance";
              case 3 -> "pdu-size-too-short";
              case 4 -> "refused-by-the-VDE-Handler";
              default -> "value";
            }
            : "value";
    return s + " / " + tag + ":" + v + "(" + value + ")";
  }
}
