package io.loadlens.dlms.axdr;

/**
 * The A-XDR data type tags of the COSEM {@code Data} CHOICE (IEC 62056-6-2 clause 4.1.5, DLMS UA
 * Blue Book table 2), with the fixed encoded size of the value after the tag (-1 when the value
 * carries its own length or is a container).
 */
public enum DataType {
  NULL_DATA(0, 0),
  ARRAY(1, -1),
  STRUCTURE(2, -1),
  BOOLEAN(3, 1),
  BIT_STRING(4, -1),
  DOUBLE_LONG(5, 4),
  DOUBLE_LONG_UNSIGNED(6, 4),
  OCTET_STRING(9, -1),
  VISIBLE_STRING(10, -1),
  UTF8_STRING(12, -1),
  BCD(13, 1),
  INTEGER(15, 1),
  LONG(16, 2),
  UNSIGNED(17, 1),
  LONG_UNSIGNED(18, 2),
  COMPACT_ARRAY(19, -1),
  LONG64(20, 8),
  LONG64_UNSIGNED(21, 8),
  ENUM(22, 1),
  FLOAT32(23, 4),
  FLOAT64(24, 8),
  DATE_TIME(25, 12),
  DATE(26, 5),
  TIME(27, 4),
  DONT_CARE(255, 0);

  private static final DataType[] BY_TAG = new DataType[256];

  static {
    for (DataType t : values()) {
      BY_TAG[t.tag] = t;
    }
  }

  private final int tag;
  private final int fixedSize;

  DataType(int tag, int fixedSize) {
    this.tag = tag;
    this.fixedSize = fixedSize;
  }

  public int tag() {
    return tag;
  }

  /** Encoded size of the value after the tag, or -1 for variable-length and container types. */
  public int fixedSize() {
    return fixedSize;
  }

  /** True for the integer and enumerated types whose value fits a {@code long}. */
  public boolean isInteger() {
    return switch (this) {
      case DOUBLE_LONG,
          DOUBLE_LONG_UNSIGNED,
          INTEGER,
          LONG,
          UNSIGNED,
          LONG_UNSIGNED,
          LONG64,
          LONG64_UNSIGNED,
          ENUM,
          BCD ->
          true;
      default -> false;
    };
  }

  /** The type with this tag, or null when the tag is not a COSEM data type. */
  public static DataType ofTagOrNull(int tag) {
    return tag < 0 || tag > 255 ? null : BY_TAG[tag];
  }

  /** The type with this tag. */
  public static DataType ofTag(int tag) {
    DataType t = ofTagOrNull(tag);
    if (t == null) {
      throw new IllegalArgumentException(
          "A-XDR data type tag " + tag + " (0x" + Integer.toHexString(tag) + ") is not defined");
    }
    return t;
  }
}
