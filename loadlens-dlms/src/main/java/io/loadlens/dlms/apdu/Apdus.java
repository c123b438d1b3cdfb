package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.model.ObisCode;

/** Shared encoding helpers of the APDU codecs. */
final class Apdus {
  /** Application tag [APPLICATION 31] of the conformance BIT STRING: 5F 1F. */
  static final int CONFORMANCE_TAG = 0x5F1F;

  private Apdus() {}

  static void expectTag(AxdrReader r, int tag, String name) {
    int at = r.position();
    int actual = r.u8(name + " tag");
    if (actual != tag) {
      throw new DlmsFramingException(
          name
              + ": tag 0x"
              + Integer.toHexString(actual)
              + " at offset "
              + at
              + " != expected 0x"
              + Integer.toHexString(tag));
    }
  }

  static void writeConformance(AxdrWriter w, int conformance) {
    w.u16(CONFORMANCE_TAG).u8(4).u8(0);
    w.u8(conformance >>> 16).u16(conformance & 0xFFFF);
  }

  static int readConformance(AxdrReader r) {
    int tag = r.u16("conformance tag");
    if (tag != CONFORMANCE_TAG) {
      throw new DlmsFramingException(
          "conformance: tag 0x" + Integer.toHexString(tag) + " != expected 0x5f1f");
    }
    int len = r.u8("conformance length");
    if (len != 4) {
      throw new DlmsFramingException("conformance: length " + len + " != expected 4");
    }
    r.u8("conformance unused bits");
    return (r.u8("conformance") << 16) | r.u16("conformance");
  }

  static ObisCode obis(AxdrReader r, String field) {
    return ObisCode.fromBytes(r.bytes(6, field));
  }
}
