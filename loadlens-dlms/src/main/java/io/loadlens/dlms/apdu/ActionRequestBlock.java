package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * ACTION with block transfer, client side (Green Book 9.5, tag 0xC3):
 *
 * <pre>
 *   C3 02 invoke block-number(u32)                    action-request-next-pblock
 *   C3 04 invoke method-descriptor DataBlock-SA       action-request-with-first-pblock
 *   C3 06 invoke DataBlock-SA                         action-request-with-pblock
 * </pre>
 *
 * The pblocks carry the encoded method-invocation-parameters; next-pblock asks for the next block
 * of a long action-response-with-pblock.
 *
 * @param method the method descriptor in the first pblock, null otherwise
 * @param pblock the parameter block, null for next-pblock
 * @param nextBlockNumber for next-pblock: the number of the response block received last
 */
public record ActionRequestBlock(
    int invokeIdAndPriority, AttributeDescriptor method, DataBlockSa pblock, long nextBlockNumber) {
  public static final int CHOICE_NEXT_PBLOCK = 2;
  public static final int CHOICE_WITH_FIRST_PBLOCK = 4;
  public static final int CHOICE_WITH_PBLOCK = 6;

  public ActionRequestBlock {
    if (pblock == null && method != null) {
      throw new IllegalArgumentException("action-request-next-pblock carries no method");
    }
  }

  /** action-request-next-pblock. */
  public static ActionRequestBlock next(int invokeIdAndPriority, long blockNumber) {
    return new ActionRequestBlock(invokeIdAndPriority, null, null, blockNumber);
  }

  public int choice() {
    if (pblock == null) {
      return CHOICE_NEXT_PBLOCK;
    }
    return method != null ? CHOICE_WITH_FIRST_PBLOCK : CHOICE_WITH_PBLOCK;
  }

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(32 + (pblock == null ? 0 : pblock.rawLength()));
    w.u8(ActionRequest.TAG).u8(choice()).u8(invokeIdAndPriority);
    if (pblock == null) {
      return w.u32(nextBlockNumber).toByteArray();
    }
    if (method != null) {
      method.encode(w);
    }
    pblock.encode(w);
    return w.toByteArray();
  }

  public static ActionRequestBlock decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, ActionRequest.TAG, "action-request");
    int choice = r.u8("action-request choice");
    int invoke = r.u8("invoke-id-and-priority");
    ActionRequestBlock out =
        switch (choice) {
          case CHOICE_NEXT_PBLOCK -> next(invoke, r.u32("block-number"));
          case CHOICE_WITH_FIRST_PBLOCK ->
              new ActionRequestBlock(
                  invoke,
                  AttributeDescriptor.decode(r),
                  DataBlockSa.decode(r, "action-request pblock"),
                  0);
          case CHOICE_WITH_PBLOCK ->
              new ActionRequestBlock(
                  invoke, null, DataBlockSa.decode(r, "action-request pblock"), 0);
          default ->
              throw new DlmsFramingException(
                  "action-request: choice "
                      + choice
                      + " is not a pblock choice (2 next, 4 first, 6 with-pblock)");
        };
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "action-request pblock: " + r.remaining() + " trailing octets");
    }
    return out;
  }
}
