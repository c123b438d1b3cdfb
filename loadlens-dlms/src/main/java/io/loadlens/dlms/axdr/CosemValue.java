package io.loadlens.dlms.axdr;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A COSEM {@code Data} value (IEC 62056-6-2 clause 4.1.5): an immutable tree of the A-XDR types.
 * Integers of every width and enums share {@link Int}, which keeps the wire type.
 */
public sealed interface CosemValue {

  /** The A-XDR type of this value. */
  DataType type();

  /** null-data [0]. */
  record NullData() implements CosemValue {
    public static final NullData INSTANCE = new NullData();

    @Override
    public DataType type() {
      return DataType.NULL_DATA;
    }
  }

  /** dont-care [255] (only in selective-access parameters). */
  record DontCare() implements CosemValue {
    @Override
    public DataType type() {
      return DataType.DONT_CARE;
    }
  }

  /** array [1]: elements of one type. */
  record Array(List<CosemValue> elements) implements CosemValue {
    public Array {
      elements = List.copyOf(elements);
    }

    @Override
    public DataType type() {
      return DataType.ARRAY;
    }
  }

  /** structure [2]. */
  record Structure(List<CosemValue> elements) implements CosemValue {
    public Structure {
      elements = List.copyOf(elements);
    }

    public static Structure of(CosemValue... elements) {
      return new Structure(List.of(elements));
    }

    public CosemValue get(int index) {
      return elements.get(index);
    }

    @Override
    public DataType type() {
      return DataType.STRUCTURE;
    }
  }

  /** boolean [3]. */
  record Bool(boolean value) implements CosemValue {
    @Override
    public DataType type() {
      return DataType.BOOLEAN;
    }
  }

  /** bit-string [4]: {@code bitLength} bits, most significant bit of byte 0 first. */
  record BitString(byte[] bits, int bitLength) implements CosemValue {
    public BitString {
      if (bitLength < 0 || (bitLength + 7) / 8 != bits.length) {
        throw new IllegalArgumentException(
            "bit-string: "
                + bitLength
                + " bits need "
                + (bitLength + 7) / 8
                + " octets, got "
                + bits.length);
      }
      bits = bits.clone();
    }

    @Override
    public byte[] bits() {
      return bits.clone();
    }

    @Override
    public DataType type() {
      return DataType.BIT_STRING;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BitString b
          && b.bitLength == bitLength
          && java.util.Arrays.equals(b.bits, bits);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bits) * 31 + bitLength;
    }

    @Override
    public String toString() {
      return "BitString[" + bitLength + " bits " + HexFormat.of().formatHex(bits) + "]";
    }
  }

  /**
   * Every integer type and enum: integer, long, unsigned, long-unsigned, double-long(-unsigned),
   * long64(-unsigned), enum, bcd. long64-unsigned values above {@link Long#MAX_VALUE} are kept as
   * their two's-complement bits.
   */
  record Int(DataType type, long value) implements CosemValue {
    public Int {
      if (!type.isInteger()) {
        throw new IllegalArgumentException("Int: " + type + " is not an integer type");
      }
      long min;
      long max;
      switch (type) {
        case INTEGER -> {
          min = Byte.MIN_VALUE;
          max = Byte.MAX_VALUE;
        }
        case LONG -> {
          min = Short.MIN_VALUE;
          max = Short.MAX_VALUE;
        }
        case DOUBLE_LONG -> {
          min = Integer.MIN_VALUE;
          max = Integer.MAX_VALUE;
        }
        case UNSIGNED, ENUM, BCD -> {
          min = 0;
          max = 0xFF;
        }
        case LONG_UNSIGNED -> {
          min = 0;
          max = 0xFFFF;
        }
        case DOUBLE_LONG_UNSIGNED -> {
          min = 0;
          max = 0xFFFF_FFFFL;
        }
        default -> {
          min = Long.MIN_VALUE;
          max = Long.MAX_VALUE;
        }
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "Int: " + type + " value " + value + " is outside " + min + ".." + max);
      }
    }

    public static Int unsigned(int v) {
      return new Int(DataType.UNSIGNED, v);
    }

    public static Int longUnsigned(int v) {
      return new Int(DataType.LONG_UNSIGNED, v);
    }

    public static Int doubleLongUnsigned(long v) {
      return new Int(DataType.DOUBLE_LONG_UNSIGNED, v);
    }

    public static Int integer(int v) {
      return new Int(DataType.INTEGER, v);
    }

    public static Int enumerated(int v) {
      return new Int(DataType.ENUM, v);
    }
  }

  /** float32 [23]. */
  record Float32(float value) implements CosemValue {
    @Override
    public DataType type() {
      return DataType.FLOAT32;
    }
  }

  /** float64 [24]. */
  record Float64(double value) implements CosemValue {
    @Override
    public DataType type() {
      return DataType.FLOAT64;
    }
  }

  /**
   * octet-string [9], visible-string [10], utf8-string [12], and the fixed-size date-time [25],
   * date [26] and time [27]: bytes as on the wire.
   */
  record Bytes(DataType type, byte[] value) implements CosemValue {
    public Bytes {
      switch (type) {
        case OCTET_STRING, VISIBLE_STRING, UTF8_STRING -> {}
        case DATE_TIME, DATE, TIME -> {
          if (value.length != type.fixedSize()) {
            throw new IllegalArgumentException(
                type + " needs " + type.fixedSize() + " octets, got " + value.length);
          }
        }
        default -> throw new IllegalArgumentException("Bytes: " + type + " is not a string type");
      }
      value = value.clone();
    }

    public static Bytes octetString(byte[] value) {
      return new Bytes(DataType.OCTET_STRING, value);
    }

    public static Bytes visibleString(String value) {
      return new Bytes(DataType.VISIBLE_STRING, value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    public int length() {
      return value.length;
    }

    /** The bytes as text (ASCII for visible-string, UTF-8 otherwise). */
    public String text() {
      return new String(
          value,
          type == DataType.VISIBLE_STRING ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && b.type == type && java.util.Arrays.equals(b.value, value);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(value) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
      return type + "[" + HexFormat.of().formatHex(value) + "]";
    }
  }

  /**
   * compact-array [19] (Blue Book 4.1.5): one type description, then the elements encoded without
   * their tags. {@code elementType} is the encoded type-description; {@code elements} the decoded
   * values (with tags restored).
   */
  record CompactArray(byte[] elementType, List<CosemValue> elements) implements CosemValue {
    public CompactArray {
      elementType = elementType.clone();
      elements = List.copyOf(elements);
    }

    @Override
    public byte[] elementType() {
      return elementType.clone();
    }

    @Override
    public DataType type() {
      return DataType.COMPACT_ARRAY;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CompactArray c
          && java.util.Arrays.equals(c.elementType, elementType)
          && c.elements.equals(elements);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(elementType) * 31 + elements.hashCode();
    }
  }
}
