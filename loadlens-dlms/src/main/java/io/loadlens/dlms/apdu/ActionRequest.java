package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemValue;

/**
 * action-request-normal (Green Book 9.5, tag 0xC3, choice 1):
 *
 * <pre>
 *   C3 01 invoke class-id(u16) instance-id(6) method-id(int8) (00 | 01 Data)
 * </pre>
 *
 * @param method the method descriptor (its {@code attribute} field holds the method id)
 * @param parameters method-invocation-parameters, or null
 */
public record ActionRequest(
    int invokeIdAndPriority, AttributeDescriptor method, CosemValue parameters) {
  public static final int TAG = 0xC3;

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(48).u8(TAG).u8(1).u8(invokeIdAndPriority);
    method.encode(w);
    if (parameters == null) {
      w.u8(0);
    } else {
      w.u8(1).value(parameters);
    }
    return w.toByteArray();
  }

  public static ActionRequest decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "action-request");
    int choice = r.u8("action-request choice");
    if (choice != 1) {
      throw new DlmsFramingException(
          "action-request: choice " + choice + " is not supported (1 = action-request-normal)");
    }
    int invoke = r.u8("invoke-id-and-priority");
    AttributeDescriptor m = AttributeDescriptor.decode(r);
    CosemValue params = r.u8("method-invocation-parameters present") == 0 ? null : r.value();
    if (r.hasRemaining()) {
      throw new DlmsFramingException("action-request: " + r.remaining() + " trailing octets");
    }
    return new ActionRequest(invoke, m, params);
  }
}
