package io.loadlens.dlms.axdr;

import java.util.Arrays;

/**
 * Writes A-XDR into a growable buffer. Primitive writes ({@link #u8}, {@link #u16}, ...) let hot
 * paths encode without building {@link CosemValue} trees; {@link #value} encodes a tree.
 */
public final class AxdrWriter {
  private byte[] buf;
  private int pos;

  public AxdrWriter() {
    this(64);
  }

  public AxdrWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  public int size() {
    return pos;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** Drops everything written, keeping the buffer. */
  public AxdrWriter reset() {
    pos = 0;
    return this;
  }

  public AxdrWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  public AxdrWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  public AxdrWriter u32(long v) {
    ensure(4);
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  public AxdrWriter i64(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[pos++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public AxdrWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  public AxdrWriter bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
    return this;
  }

  /** A BER/A-XDR length in its shortest form. */
  public AxdrWriter length(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("A-XDR length " + n + " is negative");
    }
    if (n < 0x80) {
      return u8(n);
    }
    if (n <= 0xFF) {
      return u8(0x81).u8(n);
    }
    if (n <= 0xFFFF) {
      return u8(0x82).u16(n);
    }
    if (n <= 0xFF_FFFF) {
      return u8(0x83).u8(n >>> 16).u16(n & 0xFFFF);
    }
    return u8(0x84).u32(n);
  }

  /** Tag and value of an integer type. */
  public AxdrWriter integer(DataType type, long v) {
    u8(type.tag());
    return untaggedInteger(type, v);
  }

  /** The value of an integer type, without its tag. */
  public AxdrWriter untaggedInteger(DataType type, long v) {
    return switch (type) {
      case INTEGER, UNSIGNED, ENUM, BCD, BOOLEAN -> u8((int) v);
      case LONG, LONG_UNSIGNED -> u16((int) v);
      case DOUBLE_LONG, DOUBLE_LONG_UNSIGNED -> u32(v);
      case LONG64, LONG64_UNSIGNED -> i64(v);
      case FLOAT32 -> u32(Float.floatToIntBits((float) v));
      case FLOAT64 -> i64(Double.doubleToLongBits((double) v));
      default -> throw new IllegalArgumentException(type + " is not a numeric type");
    };
  }

  public AxdrWriter octetString(byte[] b) {
    return u8(DataType.OCTET_STRING.tag()).length(b.length).bytes(b);
  }

  public AxdrWriter arrayHeader(int n) {
    return u8(DataType.ARRAY.tag()).length(n);
  }

  public AxdrWriter structureHeader(int n) {
    return u8(DataType.STRUCTURE.tag()).length(n);
  }

  /** Encodes a value tree. */
  public AxdrWriter value(CosemValue v) {
    u8(v.type().tag());
    return untagged(v);
  }

  private AxdrWriter untagged(CosemValue v) {
    switch (v) {
      case CosemValue.NullData n -> {}
      case CosemValue.DontCare d -> {}
      case CosemValue.Array a -> {
        length(a.elements().size());
        a.elements().forEach(this::value);
      }
      case CosemValue.Structure s -> {
        length(s.elements().size());
        s.elements().forEach(this::value);
      }
      case CosemValue.Bool b -> u8(b.value() ? 1 : 0);
      case CosemValue.BitString b -> length(b.bitLength()).bytes(b.bits());
      case CosemValue.Int i -> untaggedInteger(i.type(), i.value());
      case CosemValue.Float32 f -> u32(Float.floatToRawIntBits(f.value()) & 0xFFFF_FFFFL);
      case CosemValue.Float64 f -> i64(Double.doubleToRawLongBits(f.value()));
      case CosemValue.Bytes b -> {
        if (b.type().fixedSize() < 0) {
          length(b.length());
        }
        bytes(b.value());
      }
      case CosemValue.CompactArray c -> compactArray(c);
    }
    return this;
  }

  private void compactArray(CosemValue.CompactArray c) {
    bytes(c.elementType());
    AxdrWriter contents = new AxdrWriter();
    for (CosemValue e : c.elements()) {
      contents.compactElement(e);
    }
    length(contents.size()).bytes(contents.buf, 0, contents.pos);
  }

  private void compactElement(CosemValue e) {
    switch (e) {
      case CosemValue.Array a -> a.elements().forEach(this::compactElement);
      case CosemValue.Structure s -> s.elements().forEach(this::compactElement);
      default -> untagged(e);
    }
  }
}
