package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;

/**
 * SET with block transfer (Green Book 9.5, tag 0xC1), for a value longer than the server accepts in
 * one APDU:
 *
 * <pre>
 *   C1 02 invoke descriptor access-selection DataBlock-SA   set-request-with-first-datablock
 *   C1 03 invoke DataBlock-SA                               set-request-with-datablock
 * </pre>
 *
 * @param attribute the attribute descriptor in the first block, null in the following ones
 * @param access selective access of the first block, or null
 */
public record SetRequestBlock(
    int invokeIdAndPriority,
    AttributeDescriptor attribute,
    SelectiveAccess access,
    DataBlockSa block) {
  public static final int CHOICE_FIRST = 2;
  public static final int CHOICE_NEXT = 3;

  public SetRequestBlock {
    if (attribute == null && access != null) {
      throw new IllegalArgumentException("set-request-with-datablock: access without attribute");
    }
  }

  public boolean first() {
    return attribute != null;
  }

  public byte[] encode() {
    AxdrWriter w = new AxdrWriter(32 + block.rawLength()).u8(SetRequest.TAG);
    w.u8(first() ? CHOICE_FIRST : CHOICE_NEXT).u8(invokeIdAndPriority);
    if (first()) {
      attribute.encode(w);
      SelectiveAccess.encodeOptional(w, access);
    }
    block.encode(w);
    return w.toByteArray();
  }

  public static SetRequestBlock decode(byte[] apdu) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, SetRequest.TAG, "set-request");
    int choice = r.u8("set-request choice");
    if (choice != CHOICE_FIRST && choice != CHOICE_NEXT) {
      throw new DlmsFramingException(
          "set-request: choice " + choice + " is not a datablock choice (2 first, 3 next)");
    }
    int invoke = r.u8("invoke-id-and-priority");
    AttributeDescriptor a = null;
    SelectiveAccess access = null;
    if (choice == CHOICE_FIRST) {
      a = AttributeDescriptor.decode(r);
      access = SelectiveAccess.decodeOptional(r);
    }
    DataBlockSa block = DataBlockSa.decode(r, "set-request datablock");
    if (r.hasRemaining()) {
      throw new DlmsFramingException(
          "set-request datablock: " + r.remaining() + " trailing octets");
    }
    return new SetRequestBlock(invoke, a, access, block);
  }
}
