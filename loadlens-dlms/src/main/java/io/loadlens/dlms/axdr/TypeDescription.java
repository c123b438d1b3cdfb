package io.loadlens.dlms.axdr;

import io.loadlens.dlms.DlmsFramingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The type-description of a compact-array (IEC 62056-6-2 clause 4.1.5): a simple type tag, an array
 * {@code [1] number-of-elements Unsigned16, TypeDescription}, or a structure {@code [2] SEQUENCE OF
 * TypeDescription}.
 */
record TypeDescription(DataType type, int count, List<TypeDescription> children) {

  static TypeDescription read(AxdrReader r, int depth) {
    if (depth > AxdrReader.MAX_DEPTH) {
      throw new DlmsFramingException("A-XDR type-description nested deeper than " + depth);
    }
    int at = r.position();
    int tag = r.u8("type-description tag");
    DataType type = DataType.ofTagOrNull(tag);
    if (type == null || type == DataType.COMPACT_ARRAY) {
      throw new DlmsFramingException(
          "A-XDR type-description tag 0x"
              + Integer.toHexString(tag)
              + " at offset "
              + at
              + " is not allowed");
    }
    if (type == DataType.ARRAY) {
      int n = r.u16("type-description array count");
      return new TypeDescription(type, n, List.of(read(r, depth + 1)));
    }
    if (type == DataType.STRUCTURE) {
      int n = r.boundedLength("type-description structure", 1);
      List<TypeDescription> kids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        kids.add(read(r, depth + 1));
      }
      return new TypeDescription(type, n, kids);
    }
    return new TypeDescription(type, 0, List.of());
  }

  /** The fewest octets one element of this type encodes to. */
  long minSize() {
    return switch (type) {
      case ARRAY -> count * children.get(0).minSize();
      case STRUCTURE -> children.stream().mapToLong(TypeDescription::minSize).sum();
      case NULL_DATA, DONT_CARE -> 0;
      default -> Math.max(1, type.fixedSize());
    };
  }

  CosemValue readUntagged(AxdrReader r, int depth) {
    if (depth > AxdrReader.MAX_DEPTH) {
      throw new DlmsFramingException("A-XDR compact-array element nested deeper than " + depth);
    }
    if (type == DataType.ARRAY) {
      long need = minSize();
      if (need > r.remaining() || (count > 0 && need == 0)) {
        throw new DlmsFramingException(
            "A-XDR compact-array array of "
                + count
                + " elements needs "
                + need
                + " octets, remaining "
                + r.remaining());
      }
      List<CosemValue> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(children.get(0).readUntagged(r, depth + 1));
      }
      return new CosemValue.Array(out);
    }
    if (type == DataType.STRUCTURE) {
      List<CosemValue> out = new ArrayList<>(count);
      for (TypeDescription c : children) {
        out.add(c.readUntagged(r, depth + 1));
      }
      return new CosemValue.Structure(out);
    }
    return r.readUntagged(type, depth);
  }
}
