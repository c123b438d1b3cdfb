package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * action-response-normal (Green Book 9.5, tag 0xC7, choice 1):
 *
 * <pre>
 *   C7 01 invoke action-result(enum) (00 | 01 Get-Data-Result)
 * </pre>
 *
 * @param result the action-result (numbered as {@link DataAccessResult})
 * @param returnParameters return-parameters, or null
 */
public record ActionResponse(
    int invokeIdAndPriority, DataAccessResult result, GetDataResult returnParameters) {
  public static final int TAG = 0xC7;

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(32).u8(TAG).u8(1).u8(invokeIdAndPriority).u8(result.code());
    if (returnParameters == null) {
      w.u8(0);
    } else {
      w.u8(1);
      returnParameters.encode(w);
    }
    return w.toByteArray();
  }

  public static ActionResponse decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, TAG, "action-response");
    int choice = r.u8("action-response choice");
    if (choice != 1) {
      throw new DlmsFramingException(
          "action-response: choice " + choice + " is not supported (1 = action-response-normal)");
    }
    int invoke = r.u8("invoke-id-and-priority");
    DataAccessResult result = DataAccessResult.ofCode(r.u8("action-result"));
    GetDataResult ret = null;
    if (r.hasRemaining() && r.u8("return-parameters present") != 0) {
      ret = GetDataResult.decode(r, apdu);
    }
    return new ActionResponse(invoke, result, ret);
  }
}
