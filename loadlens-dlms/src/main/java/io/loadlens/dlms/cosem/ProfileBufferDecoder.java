package io.loadlens.dlms.cosem;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.CosemDateTime;
import io.loadlens.dlms.axdr.DataType;

/**
 * Decodes a Profile Generic buffer (class 7 attribute 2, Blue Book 4.3.6) straight into primitive
 * columns: the A-XDR {@code array of structure(row)} is walked once, with no object per row or
 * cell.
 *
 * <p>Each column has a {@link Role}: the clock column (date-time octet-string; a null-data clock is
 * the previous row's time + capture_period, as meters compress consecutive rows), the status column
 * (an unsigned), or a value column (any integer or float type, scaled by 10^scaler; null-data
 * becomes NaN). Instances are immutable and thread-safe.
 */
public final class ProfileBufferDecoder {

  /** What a capture-object column becomes. */
  public enum Role {
    CLOCK,
    STATUS,
    VALUE
  }

  /** The decoded columns; {@code values[valueColumn][row]}. */
  public record Columns(long[] epochSeconds, int[] status, double[][] values) {
    public int rows() {
      return epochSeconds.length;
    }
  }

  private static final int CLOCK = 0;
  private static final int STATUS = 1;
  private static final int VALUE = 2;

  private final Role[] roles;
  private final int[] roleCodes;
  private final double[] factor;
  private final boolean[] divide;
  private final int valueColumns;
  private final long capturePeriodSeconds;

  /**
   * @param roles role of each capture object, in order
   * @param scalers scaler of each column (ignored for clock/status)
   */
  public ProfileBufferDecoder(Role[] roles, int[] scalers, int capturePeriodSeconds) {
    if (roles.length != scalers.length) {
      throw new IllegalArgumentException(
          "profile decoder: " + roles.length + " roles but " + scalers.length + " scalers");
    }
    this.roles = roles.clone();
    this.roleCodes = new int[roles.length];
    this.factor = new double[roles.length];
    this.divide = new boolean[roles.length];
    int values = 0;
    for (int i = 0; i < roles.length; i++) {
      factor[i] = Math.pow(10, Math.abs(scalers[i]));
      divide[i] = scalers[i] < 0;
      roleCodes[i] = roles[i] == Role.CLOCK ? CLOCK : roles[i] == Role.STATUS ? STATUS : VALUE;
      if (roles[i] == Role.VALUE) {
        values++;
      }
    }
    this.valueColumns = values;
    this.capturePeriodSeconds = capturePeriodSeconds;
  }

  /** Decodes the encoded buffer at {@code [off, off+len)}. */
  public Columns decode(byte[] b, int off, int len) {
    if (off < 0 || len < 0 || off + len > b.length) {
      throw new IllegalArgumentException("profile buffer range outside the array");
    }
    Cursor c = new Cursor(b, off, off + len);
    int tag = c.u8("buffer tag");
    if (tag != DataType.ARRAY.tag()) {
      throw new DlmsFramingException(
          "profile buffer: tag 0x"
              + Integer.toHexString(tag)
              + " at offset "
              + off
              + " != expected 0x01 (array)");
    }
    int rows = c.length("buffer array");
    if (rows > (c.limit - c.pos) / 2) {
      throw new DlmsFramingException(
          "profile buffer: "
              + rows
              + " rows cannot fit in remaining "
              + (c.limit - c.pos)
              + " octets");
    }
    long[] times = new long[rows];
    int[] status = new int[rows];
    double[][] values = new double[valueColumns][rows];
    long prev = Long.MIN_VALUE;
    for (int r = 0; r < rows; r++) {
      prev = row(c, r, prev, times, status, values);
    }
    if (c.pos != c.limit) {
      throw new DlmsFramingException(
          "profile buffer: "
              + (c.limit - c.pos)
              + " octets after "
              + rows
              + " rows at offset "
              + c.pos);
    }
    return new Columns(times, status, values);
  }

  private long row(Cursor c, int r, long prev, long[] times, int[] status, double[][] values) {
    int at = c.pos;
    int tag = c.u8("row tag");
    int n = tag == DataType.STRUCTURE.tag() ? c.length("row") : -1;
    if (n != roles.length) {
      throw new DlmsFramingException(
          "profile buffer row "
              + r
              + " at offset "
              + at
              + ": "
              + (n < 0
                  ? "tag 0x" + Integer.toHexString(tag) + " is not a structure"
                  : n + " elements")
              + ", capture objects say "
              + roles.length);
    }
    long time = Long.MIN_VALUE;
    int v = 0;
    for (int col = 0; col < n; col++) {
      switch (roleCodes[col]) {
        case CLOCK -> time = clock(c, r, col, prev);
        case STATUS -> status[r] = (int) integerOrZero(c, r, col);
        default -> values[v++][r] = value(c, r, col);
      }
    }
    times[r] = time;
    return time;
  }

  private long clock(Cursor c, int r, int col, long prev) {
    int at = c.pos;
    int tag = c.u8("clock tag");
    long t = Long.MIN_VALUE;
    if (tag == DataType.OCTET_STRING.tag()) {
      int len = c.length("clock");
      if (len != CosemDateTime.SIZE) {
        throw new DlmsFramingException(
            "profile buffer row "
                + r
                + " column "
                + col
                + ": clock octet-string of "
                + len
                + " octets at offset "
                + at
                + ", expected 12");
      }
      c.need(12, "clock");
      t = CosemDateTime.epochSeconds(c.b, c.pos);
      c.pos += 12;
    } else if (tag == DataType.DATE_TIME.tag()) {
      c.need(12, "clock");
      t = CosemDateTime.epochSeconds(c.b, c.pos);
      c.pos += 12;
    } else if (tag != DataType.NULL_DATA.tag()) {
      throw new DlmsFramingException(
          "profile buffer row "
              + r
              + " column "
              + col
              + ": clock tag 0x"
              + Integer.toHexString(tag)
              + " at offset "
              + at
              + " is not octet-string or null-data");
    }
    if (t == Long.MIN_VALUE) {
      if (prev == Long.MIN_VALUE) {
        throw new DlmsFramingException(
            "profile buffer row "
                + r
                + ": clock at offset "
                + at
                + " is null-data or unspecified and there is no previous row time");
      }
      t = prev + capturePeriodSeconds;
    }
    return t;
  }

  private long integerOrZero(Cursor c, int r, int col) {
    int at = c.pos;
    int tag = c.u8();
    return switch (tag) {
      case 0 -> 0; // null-data
      case 17, 22, 13 -> c.u8(); // unsigned, enum, bcd
      case 18 -> c.u16(); // long-unsigned
      case 15 -> (byte) c.u8(); // integer
      case 16 -> (short) c.u16(); // long
      case 6 -> c.u32(); // double-long-unsigned
      case 5 -> (int) c.u32(); // double-long
      case 20, 21 -> c.u64(); // long64(-unsigned)
      default -> throw bad(r, col, tag, at);
    };
  }

  private double value(Cursor c, int r, int col) {
    int at = c.pos;
    int tag = c.u8();
    double raw =
        switch (tag) {
          case 6 -> c.u32(); // double-long-unsigned
          case 18 -> c.u16(); // long-unsigned
          case 5 -> (int) c.u32(); // double-long
          case 16 -> (short) c.u16(); // long
          case 17, 22, 13 -> c.u8(); // unsigned, enum, bcd
          case 15 -> (byte) c.u8(); // integer
          case 20 -> c.u64(); // long64
          case 21 -> unsigned64(c.u64()); // long64-unsigned
          case 23 -> Float.intBitsToFloat((int) c.u32()); // float32
          case 24 -> Double.longBitsToDouble(c.u64()); // float64
          case 0 -> Double.NaN; // null-data
          default -> throw bad(r, col, tag, at);
        };
    // dividing by 10^-scaler keeps 2337 × 10^-1 at exactly 233.7
    return divide[col] ? raw / factor[col] : raw * factor[col];
  }

  private static double unsigned64(long v) {
    return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
  }

  private static DlmsFramingException bad(int r, int col, int tag, int at) {
    return new DlmsFramingException(
        "profile buffer row "
            + r
            + " column "
            + col
            + ": tag 0x"
            + Integer.toHexString(tag)
            + " at offset "
            + at
            + " is not a number");
  }

  /** A bounds-checked read position (kept local so the JIT can scalar-replace it). */
  private static final class Cursor {
    final byte[] b;
    final int limit;
    int pos;

    Cursor(byte[] b, int pos, int limit) {
      this.b = b;
      this.pos = pos;
      this.limit = limit;
    }

    void need(int n, String field) {
      if (n > limit - pos) {
        throw underflow(n, field);
      }
    }

    DlmsFramingException underflow(int n, String field) {
      return new DlmsFramingException(
          "profile buffer "
              + field
              + ": needs "
              + n
              + " octets at offset "
              + pos
              + ", only "
              + (limit - pos)
              + " remain");
    }

    int u8(String field) {
      need(1, field);
      return b[pos++] & 0xFF;
    }

    int u8() {
      if (pos >= limit) {
        throw underflow(1, "value");
      }
      return b[pos++] & 0xFF;
    }

    int u16() {
      if (pos + 2 > limit) {
        throw underflow(2, "value");
      }
      int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
      pos += 2;
      return v;
    }

    long u32() {
      if (pos + 4 > limit) {
        throw underflow(4, "value");
      }
      long v =
          ((long) (b[pos] & 0xFF) << 24)
              | ((b[pos + 1] & 0xFF) << 16)
              | ((b[pos + 2] & 0xFF) << 8)
              | (b[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    long u64() {
      return (u32() << 32) | u32();
    }

    long fixed(int n) {
      need(n, "value");
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 8) | (b[pos + i] & 0xFF);
      }
      pos += n;
      return v;
    }

    int length(String field) {
      if (pos >= limit) {
        throw underflow(1, field);
      }
      int first = b[pos++] & 0xFF;
      if (first < 0x80) {
        return first;
      }
      int n = first & 0x7F;
      if (n == 0 || n > 4) {
        throw new DlmsFramingException(
            "profile buffer "
                + field
                + ": length form 0x"
                + Integer.toHexString(first)
                + " at offset "
                + (pos - 1)
                + " is not 0x00..0x7F or 0x81..0x84");
      }
      long v = fixed(n);
      if (v > Integer.MAX_VALUE) {
        throw new DlmsFramingException("profile buffer " + field + ": length " + v + " too large");
      }
      return (int) v;
    }
  }
}
