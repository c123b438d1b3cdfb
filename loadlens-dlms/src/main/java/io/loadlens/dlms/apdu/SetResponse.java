package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/** set-response-normal (Green Book 9.5): {@code C5 01 invoke data-access-result}. */
public record SetResponse(int invokeIdAndPriority, DataAccessResult result) {
  public static final int TAG = 0xC5;

  public byte[] encode() {
    return new AxdrWriter(4).u8(TAG).u8(1).u8(invokeIdAndPriority).u8(result.code()).toByteArray();
  }

  public static SetResponse decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "set-response");
    int choice = r.u8("set-response choice");
    if (choice != 1) {
      throw new DlmsFramingException("set-response: choice " + choice + " is not supported");
    }
    return new SetResponse(r.u8("invoke-id-and-priority"), DataAccessResult.ofCode(r.u8("result")));
  }
}
