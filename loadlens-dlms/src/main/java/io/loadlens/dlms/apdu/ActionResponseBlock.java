package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * ACTION with block transfer, server side (Green Book 9.5, tag 0xC7):
 *
 * <pre>
 *   C7 02 invoke DataBlock-SA              action-response-with-pblock
 *   C7 04 invoke block-number(u32)         action-response-next-pblock
 * </pre>
 *
 * A with-pblock carries a slice of the encoded response (action-result and return parameters, as in
 * action-response-normal after the invoke-id); next-pblock acknowledges a request pblock.
 *
 * @param pblock the response block, null for next-pblock
 * @param nextBlockNumber for next-pblock: the number of the request pblock received last
 */
public record ActionResponseBlock(
    int invokeIdAndPriority, DataBlockSa pblock, long nextBlockNumber) {
  public static final int CHOICE_WITH_PBLOCK = 2;
  public static final int CHOICE_NEXT_PBLOCK = 4;

  /** action-response-next-pblock. */
  public static ActionResponseBlock next(int invokeIdAndPriority, long blockNumber) {
    return new ActionResponseBlock(invokeIdAndPriority, null, blockNumber);
  }

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(16 + (pblock == null ? 0 : pblock.rawLength()));
    w.u8(ActionResponse.TAG);
    if (pblock == null) {
      return w.u8(CHOICE_NEXT_PBLOCK).u8(invokeIdAndPriority).u32(nextBlockNumber).toByteArray();
    }
    w.u8(CHOICE_WITH_PBLOCK).u8(invokeIdAndPriority);
    pblock.encode(w);
    return w.toByteArray();
  }

  public static ActionResponseBlock decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, ActionResponse.TAG, "action-response");
    int choice = r.u8("action-response choice");
    int invoke = r.u8("invoke-id-and-priority");
    ActionResponseBlock out =
        switch (choice) {
          case CHOICE_WITH_PBLOCK ->
              new ActionResponseBlock(invoke, DataBlockSa.decode(r, "action-response pblock"), 0);
          case CHOICE_NEXT_PBLOCK -> next(invoke, r.u32("block-number"));
          default ->
              throw new DlmsFramingException(
                  "action-response: choice " + choice + " is not a pblock choice (2, 4)");
        };
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "action-response pblock: " + r.remaining() + " trailing octets");
    }
    return out;
  }
}
