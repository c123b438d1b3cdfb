package io.loadlens.dlms.apdu;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.axdr.AxdrWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The BER subset of the ACSE APDUs (ISO/IEC 8650-1 as profiled by Green Book 9.4.2). */
final class Ber {
  private Ber() {}

  /** Reads the outer {@code tag len} and the single-octet-tag elements inside it, by tag. */
  static Map<Integer, byte[]> elements(byte[] apdu, int expectedTag, String name) {
    AxdrReader r = new AxdrReader(apdu);
    Apdus.expectTag(r, expectedTag, name);
    int len = r.boundedLength(name, 1);
    if (len != r.remaining()) {
      throw new DlmsFramingException(
          name + ": length " + len + " != remaining " + r.remaining() + " octets");
    }
    Map<Integer, byte[]> out = new LinkedHashMap<>();
    while (r.hasRemaining()) {
      int tag = r.u8(name + " element tag");
      int n = r.boundedLength(name + " element 0x" + Integer.toHexString(tag), 1);
      out.put(tag, r.bytes(n, name + " element 0x" + Integer.toHexString(tag)));
    }
    return out;
  }

  /** The content of a one-element wrapper {@code innerTag len content}. */
  static byte[] inner(byte[] v, int innerTag, String field) {
    AxdrReader r = new AxdrReader(v);
    Apdus.expectTag(r, innerTag, field);
    int n = r.boundedLength(field, 1);
    return r.bytes(n, field);
  }

  static void element(AxdrWriter w, int tag, byte[] content) {
    w.u8(tag).length(content.length).bytes(content);
  }

  static byte[] wrap(int tag, byte[] content) {
    AxdrWriter w = new AxdrWriter(content.length + 4);
    element(w, tag, content);
    return w.toByteArray();
  }

  static int integer(byte[] v, String field) {
    byte[] c = inner(v, 0x02, field);
    if (c.length != 1) {
      throw new DlmsFramingException(field + ": INTEGER of " + c.length + " octets, expected 1");
    }
    return c[0] & 0xFF;
  }

  static int lastOidArc(byte[] oid, byte[] prefix, String field) {
    if (oid.length != prefix.length + 1
        || !java.util.Arrays.equals(oid, 0, prefix.length, prefix, 0, prefix.length)) {
      throw new DlmsFramingException(
          field
              + ": OID "
              + java.util.HexFormat.of().formatHex(oid)
              + " is not under "
              + java.util.HexFormat.of().formatHex(prefix));
    }
    return oid[prefix.length] & 0xFF;
  }
}
