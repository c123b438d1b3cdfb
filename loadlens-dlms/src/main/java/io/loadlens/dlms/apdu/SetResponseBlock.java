package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * The server's answers during a SET with block transfer (Green Book 9.5, tag 0xC5):
 *
 * <pre>
 *   C5 02 invoke block-number(u32)                          set-response-datablock
 *   C5 03 invoke data-access-result block-number(u32)       set-response-last-datablock
 * </pre>
 *
 * @param result the result of the whole SET in the last answer, null while blocks are acknowledged
 */
public record SetResponseBlock(int invokeIdAndPriority, DataAccessResult result, long blockNumber) {
  public static final int CHOICE_DATABLOCK = 2;
  public static final int CHOICE_LAST_DATABLOCK = 3;

  public boolean last() {
    return result != null;
  }

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(8).u8(SetResponse.TAG);
    w.u8(last() ? CHOICE_LAST_DATABLOCK : CHOICE_DATABLOCK).u8(invokeIdAndPriority);
    if (last()) {
      w.u8(result.code());
    }
    return w.u32(blockNumber).toByteArray();
  }

  public static SetResponseBlock decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, SetResponse.TAG, "set-response");
    int choice = r.u8("set-response choice");
    if (choice != CHOICE_DATABLOCK && choice != CHOICE_LAST_DATABLOCK) {
      throw new DlmsFramingException(
          "set-response: choice " + choice + " is not a datablock choice (2, 3)");
    }
    int invoke = r.u8("invoke-id-and-priority");
    DataAccessResult result =
        choice == CHOICE_LAST_DATABLOCK ? DataAccessResult.ofCode(r.u8("result")) : null;
    long block = r.u32("block-number");
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "set-response datablock: " + r.remaining() + " trailing octets");
    }
    return new SetResponseBlock(invoke, result, block);
  }
}
