package io.loadlens.store.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}) into
 * a 1 MiB buffer shipped in large writes. Numbers and times go over the wire as they are held in
 * memory (no text to format and parse); text fields are UTF-8.
 *
 * <pre>
 * header  "PGCOPY\n\377\r\n\0", int32 flags = 0, int32 extension length = 0
 * row     int16 field count, then per field int32 byte length and the bytes
 * trailer int16 -1
 * </pre>
 *
 * Types: {@code timestamptz} is an int64 of microseconds since 2000-01-01T00:00:00Z, {@code float8}
 * the IEEE 754 bits, {@code int8}/{@code int2} big-endian integers.
 */
public final class BinaryCopy {
  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  /** Seconds from 1970-01-01T00:00:00Z to PostgreSQL's epoch, 2000-01-01T00:00:00Z. */
  static final long PG_EPOCH_SECONDS = 946_684_800L;

  private static final int SIZE = 1 << 20;
  private final CopyIn copy;
  private final ByteBuffer buf = ByteBuffer.allocate(SIZE);

  /** Starts the stream: writes the header into the buffer. */
  public BinaryCopy(CopyIn copy) {
    this.copy = copy;
    buf.put(SIGNATURE).putInt(0).putInt(0);
  }

  /** UTF-8 bytes of a text field, to encode once and write many times. */
  public static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public void startRow(int fields) throws SQLException {
    ensure(2);
    buf.putShort((short) fields);
  }

  public void putText(byte[] utf8) throws SQLException {
    if (4 + utf8.length > SIZE) {
      flush();
      copy.writeToCopy(ByteBuffer.allocate(4).putInt(utf8.length).array(), 0, 4);
      copy.writeToCopy(utf8, 0, utf8.length);
      return;
    }
    ensure(4 + utf8.length);
    buf.putInt(utf8.length).put(utf8);
  }

  public void putInt8(long v) throws SQLException {
    ensure(12);
    buf.putInt(8).putLong(v);
  }

  public void putInt2(int v) throws SQLException {
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new SQLException("smallint field: " + v + " is out of range");
    }
    ensure(6);
    buf.putInt(2).putShort((short) v);
  }

  public void putFloat8(double v) throws SQLException {
    ensure(12);
    buf.putInt(8).putDouble(v);
  }

  /** A {@code timestamptz} field from epoch seconds. */
  public void putTimestampSeconds(long epochSecond) throws SQLException {
    putInt8((epochSecond - PG_EPOCH_SECONDS) * 1_000_000L);
  }

  /** A {@code timestamptz} field from epoch microseconds. */
  public void putTimestampMicros(long epochMicros) throws SQLException {
    putInt8(epochMicros - PG_EPOCH_SECONDS * 1_000_000L);
  }

  /** Writes the trailer, ships the rest and ends the COPY; returns the rows the server took. */
  public long finish() throws SQLException {
    ensure(2);
    buf.putShort((short) -1);
    flush();
    return copy.endCopy();
  }

  private void ensure(int k) throws SQLException {
    if (buf.position() + k > SIZE) {
      flush();
    }
  }

  private void flush() throws SQLException {
    if (buf.position() > 0) {
      copy.writeToCopy(buf.array(), 0, buf.position());
      buf.clear();
    }
  }

  /** Columns decoded from a binary COPY of (timestamptz, float8, int2) rows. */
  public record Rows(long[] epochSeconds, double[] values, int[] status) {}

  /**
   * Decodes the output of {@code COPY (SELECT "timestamp", value, status ...) TO STDOUT (FORMAT
   * binary)}; times are truncated to whole seconds.
   *
   * @throws SQLException when the bytes are not such a stream, naming what was found where
   */
  public static Rows readTimeValueStatus(byte[] bytes) throws SQLException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    for (byte b : SIGNATURE) {
      if (!in.hasRemaining() || in.get() != b) {
        throw new SQLException("binary COPY: signature missing at offset " + (in.position() - 1));
      }
    }
    in.getInt(); // flags
    in.position(in.position() + 4 + in.getInt()); // header extension
    int cap = Math.max(16, bytes.length / 34); // a row takes 2 + 12 + 12 + 6 bytes
    long[] t = new long[cap];
    double[] v = new double[cap];
    int[] st = new int[cap];
    int n = 0;
    while (true) {
      short fields = in.getShort();
      if (fields == -1) {
        break;
      }
      if (fields != 3) {
        throw new SQLException("binary COPY row " + n + ": " + fields + " fields, expected 3");
      }
      if (n == t.length) {
        t = java.util.Arrays.copyOf(t, n * 2);
        v = java.util.Arrays.copyOf(v, n * 2);
        st = java.util.Arrays.copyOf(st, n * 2);
      }
      expectLength(in, 8, "timestamp", n);
      t[n] = Math.floorDiv(in.getLong(), 1_000_000L) + PG_EPOCH_SECONDS;
      expectLength(in, 8, "value", n);
      v[n] = in.getDouble();
      expectLength(in, 2, "status", n);
      st[n] = in.getShort();
      n++;
    }
    return new Rows(
        java.util.Arrays.copyOf(t, n),
        java.util.Arrays.copyOf(v, n),
        java.util.Arrays.copyOf(st, n));
  }

  private static void expectLength(ByteBuffer in, int want, String field, int row)
      throws SQLException {
    int len = in.getInt();
    if (len != want) {
      throw new SQLException(
          "binary COPY row " + row + " field " + field + ": length " + len + ", expected " + want);
    }
  }
}
