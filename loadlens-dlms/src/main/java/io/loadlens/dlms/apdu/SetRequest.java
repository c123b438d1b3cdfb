package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemValue;

/**
 * set-request-normal (Green Book 9.5, tag 0xC1, choice 1):
 *
 * <pre>
 *   C1 01 invoke descriptor access-selection Data
 * </pre>
 */
public record SetRequest(
    int invokeIdAndPriority,
    AttributeDescriptor attribute,
    SelectiveAccess access,
    CosemValue value) {
  public static final int TAG = 0xC1;

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(48).u8(TAG).u8(1).u8(invokeIdAndPriority);
    attribute.encode(w);
    SelectiveAccess.encodeOptional(w, access);
    return w.value(value).toByteArray();
  }

  public static SetRequest decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "set-request");
    int choice = r.u8("set-request choice");
    if (choice != 1) {
      throw new DlmsFramingException(
          "set-request: choice " + choice + " is not supported (1 = set-request-normal)");
    }
    int invoke = r.u8("invoke-id-and-priority");
    AttributeDescriptor a = AttributeDescriptor.decode(r);
    SelectiveAccess access = SelectiveAccess.decodeOptional(r);
    CosemValue v = r.value();
    if (r.hasRemaining()) {
      throw new DlmsFramingException("set-request: " + r.remaining() + " trailing octets");
    }
    return new SetRequest(invoke, a, access, v);
  }
}
