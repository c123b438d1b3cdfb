package io.loadlens.dlms.axdr;

import io.loadlens.dlms.DlmsFramingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads A-XDR (IEC 61334-6, as used by DLMS/COSEM) from a byte range. Lengths use the ASN.1 BER
 * length forms: one octet below 0x80, else 0x81..0x84 followed by 1..4 length octets. Every read is
 * bounds-checked; malformed input raises {@link DlmsFramingException} naming the field, offset and
 * values. Nesting is limited to {@value #MAX_DEPTH} levels.
 */
public final class AxdrReader {
  /** Deepest nesting of arrays/structures accepted (real buffers use 2-4). */
  public static final int MAX_DEPTH = 32;

  private final byte[] buf;
  private final int limit;
  private int pos;

  public AxdrReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public AxdrReader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IllegalArgumentException(
          "A-XDR range offset " + offset + " length " + length + " outside " + buf.length);
    }
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return limit - pos;
  }

  public boolean hasRemaining() {
    return pos < limit;
  }

  private void need(int n, String field) {
    if (n < 0 || n > limit - pos) {
      throw new DlmsFramingException(
          "A-XDR "
              + field
              + ": needs "
              + n
              + " bytes at offset "
              + pos
              + ", only "
              + (limit - pos)
              + " remain");
    }
  }

  public int u8(String field) {
    need(1, field);
    return buf[pos++] & 0xFF;
  }

  public int u16(String field) {
    need(2, field);
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  public long u32(String field) {
    need(4, field);
    long v =
        ((long) (buf[pos] & 0xFF) << 24)
            | ((buf[pos + 1] & 0xFF) << 16)
            | ((buf[pos + 2] & 0xFF) << 8)
            | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  public long i64(String field) {
    need(8, field);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos + i] & 0xFF);
    }
    pos += 8;
    return v;
  }

  public byte[] bytes(int n, String field) {
    need(n, field);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  public void skip(int n, String field) {
    need(n, field);
    pos += n;
  }

  /** A BER/A-XDR length: 0..0x7F, or 0x81..0x84 then 1..4 octets. */
  public int length(String field) {
    int start = pos;
    int first = u8(field + " length");
    if (first < 0x80) {
      return first;
    }
    int n = first & 0x7F;
    if (n == 0 || n > 4) {
      throw new DlmsFramingException(
          "A-XDR "
              + field
              + " length form 0x"
              + Integer.toHexString(first)
              + " at offset "
              + start
              + " is not 0x00..0x7F or 0x81..0x84");
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | u8(field + " length");
    }
    if (v > Integer.MAX_VALUE) {
      throw new DlmsFramingException(
          "A-XDR " + field + " length " + v + " at offset " + start + " exceeds 2^31-1");
    }
    return (int) v;
  }

  /** A length that must fit in what remains (each unit at least {@code minUnit} bytes). */
  public int boundedLength(String field, int minUnit) {
    int start = pos;
    int n = length(field);
    if ((long) n * minUnit > remaining()) {
      throw new DlmsFramingException(
          "A-XDR "
              + field
              + " length "
              + n
              + " at offset "
              + start
              + " exceeds remaining "
              + remaining()
              + " bytes");
    }
    return n;
  }

  /** Reads one tagged {@code Data} value. */
  public CosemValue value() {
    return value(0);
  }

  private CosemValue value(int depth) {
    int at = pos;
    int tag = u8("data tag");
    DataType type = DataType.ofTagOrNull(tag);
    if (type == null) {
      throw new DlmsFramingException(
          "A-XDR data tag 0x" + Integer.toHexString(tag) + " at offset " + at + " is not defined");
    }
    return untagged(type, depth);
  }

  private CosemValue untagged(DataType type, int depth) {
    if (depth > MAX_DEPTH) {
      throw new DlmsFramingException(
          "A-XDR nesting deeper than " + MAX_DEPTH + " at offset " + pos);
    }
    return switch (type) {
      case NULL_DATA -> CosemValue.NullData.INSTANCE;
      case DONT_CARE -> new CosemValue.DontCare();
      case ARRAY -> new CosemValue.Array(elements("array", depth));
      case STRUCTURE -> new CosemValue.Structure(elements("structure", depth));
      case BOOLEAN -> new CosemValue.Bool(u8("boolean") != 0);
      case BIT_STRING -> bitString();
      case OCTET_STRING, VISIBLE_STRING, UTF8_STRING ->
          new CosemValue.Bytes(type, bytes(boundedLength(type.name(), 1), type.name()));
      case DATE_TIME, DATE, TIME ->
          new CosemValue.Bytes(type, bytes(type.fixedSize(), type.name()));
      case FLOAT32 -> new CosemValue.Float32(Float.intBitsToFloat((int) u32("float32")));
      case FLOAT64 -> new CosemValue.Float64(Double.longBitsToDouble(i64("float64")));
      case COMPACT_ARRAY -> compactArray(depth);
      default -> new CosemValue.Int(type, integer(type));
    };
  }

  /** Reads the value of an integer type (the tag already read). */
  public long integer(DataType type) {
    return switch (type) {
      case INTEGER -> (byte) u8("integer");
      case UNSIGNED, ENUM, BCD -> u8(type.name());
      case LONG -> (short) u16("long");
      case LONG_UNSIGNED -> u16("long-unsigned");
      case DOUBLE_LONG -> (int) u32("double-long");
      case DOUBLE_LONG_UNSIGNED -> u32("double-long-unsigned");
      case LONG64, LONG64_UNSIGNED -> i64(type.name());
      default -> throw new IllegalArgumentException(type + " is not an integer type");
    };
  }

  private List<CosemValue> elements(String field, int depth) {
    int n = boundedLength(field, 1);
    List<CosemValue> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(value(depth + 1));
    }
    return out;
  }

  private CosemValue bitString() {
    int bits = length("bit-string");
    int octets = (bits + 7) / 8;
    return new CosemValue.BitString(bytes(octets, "bit-string"), bits);
  }

  private CosemValue compactArray(int depth) {
    int start = pos;
    TypeDescription td = TypeDescription.read(this, depth);
    if (td.minSize() == 0) {
      throw new DlmsFramingException(
          "A-XDR compact-array type-description at offset " + start + " encodes no octets");
    }
    byte[] description = Arrays.copyOfRange(buf, start, pos);
    int contentLength = boundedLength("compact-array contents", 1);
    int end = pos + contentLength;
    List<CosemValue> out = new ArrayList<>();
    while (pos < end) {
      int before = pos;
      out.add(td.readUntagged(this, depth + 1));
      if (pos == before) {
        throw new DlmsFramingException(
            "A-XDR compact-array element type at offset " + start + " encodes no bytes");
      }
      if (pos > end) {
        throw new DlmsFramingException(
            "A-XDR compact-array element overruns its contents ending at offset " + end);
      }
    }
    return new CosemValue.CompactArray(description, out);
  }

  /** Skips one tagged {@code Data} value without building it; returns its encoded length. */
  public int skipValue() {
    int start = pos;
    skip(0);
    return pos - start;
  }

  private void skip(int depth) {
    if (depth > MAX_DEPTH) {
      throw new DlmsFramingException(
          "A-XDR nesting deeper than " + MAX_DEPTH + " at offset " + pos);
    }
    int at = pos;
    int tag = u8("data tag");
    DataType type = DataType.ofTagOrNull(tag);
    if (type == null) {
      throw new DlmsFramingException(
          "A-XDR data tag 0x" + Integer.toHexString(tag) + " at offset " + at + " is not defined");
    }
    switch (type) {
      case ARRAY, STRUCTURE -> {
        int n = boundedLength(type.name(), 1);
        for (int i = 0; i < n; i++) {
          skip(depth + 1);
        }
      }
      case OCTET_STRING, VISIBLE_STRING, UTF8_STRING ->
          skip(boundedLength(type.name(), 1), type.name());
      case BIT_STRING -> skip((length("bit-string") + 7) / 8, "bit-string");
      case COMPACT_ARRAY -> untagged(type, depth);
      default -> skip(type.fixedSize(), type.name());
    }
  }

  CosemValue readUntagged(DataType type, int depth) {
    return untagged(type, depth);
  }
}
