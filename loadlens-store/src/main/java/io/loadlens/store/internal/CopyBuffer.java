package io.loadlens.store.internal;

import java.io.IOException;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/** Builds PostgreSQL COPY text-format rows in a byte buffer and ships it in large writes. */
public final class CopyBuffer {
  private static final int SIZE = 1 << 20;
  private final CopyIn copy;
  private final byte[] buf = new byte[SIZE];
  private int n;

  public CopyBuffer(CopyIn copy) {
    this.copy = copy;
  }

  /** Escapes backslash, tab, newline and carriage return as COPY text format requires. */
  public static String escape(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  public void put(byte[] b) throws SQLException, IOException {
    ensure(b.length);
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  public void putByte(char c) throws SQLException, IOException {
    ensure(1);
    buf[n++] = (byte) c;
  }

  public void putLong(long v) throws SQLException, IOException {
    ensure(20);
    if (v == 0) {
      buf[n++] = '0';
      return;
    }
    if (v < 0) {
      buf[n++] = '-';
      v = -v;
    }
    int start = n;
    while (v > 0) {
      buf[n++] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    for (int i = start, j = n - 1; i < j; i++, j--) {
      byte x = buf[i];
      buf[i] = buf[j];
      buf[j] = x;
    }
  }

  /**
   * Writes a double exactly (shortest round-trip form; NaN and infinities as PostgreSQL spells
   * them).
   */
  public void putDouble(double v) throws SQLException, IOException {
    String s;
    if (Double.isNaN(v)) {
      s = "NaN";
    } else if (Double.isInfinite(v)) {
      s = v > 0 ? "Infinity" : "-Infinity";
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      putLong((long) v);
      return;
    } else {
      s = Double.toString(v);
    }
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[n++] = (byte) s.charAt(i);
    }
  }

  private void ensure(int k) throws SQLException, IOException {
    if (n + k > SIZE) {
      flush();
    }
  }

  public void flush() throws SQLException {
    if (n > 0) {
      copy.writeToCopy(buf, 0, n);
      n = 0;
    }
  }
}
