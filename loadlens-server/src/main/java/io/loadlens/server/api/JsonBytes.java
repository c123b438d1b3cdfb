package io.loadlens.server.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 JSON buffer for large columnar answers: numbers are formatted straight into the
 * bytes (no {@code String} per number), so a meter-year of 35,040 rows costs one buffer. The caller
 * writes the structure (commas, brackets); this class writes the values.
 *
 * <p>Doubles are written as {@link Double#toString(double)} writes them (the shortest decimal that
 * reads back as the same double, RFC 8259 §6 number syntax): values with at most three decimals
 * between 0.001 and 10^7 — what meters report — are formatted here without allocation, the rest by
 * {@code Double.toString}.
 */
final class JsonBytes {

  private static final byte[] DIGIT_PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private static final double[] POW10 = {1, 10, 100, 1000};
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private byte[] buf;
  private int len;

  JsonBytes(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  int length() {
    return len;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  JsonBytes raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Writes ASCII text as is (structure, field names chosen by the caller). */
  JsonBytes raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  JsonBytes nullValue() {
    ensure(4);
    System.arraycopy(NULL, 0, buf, len, 4);
    len += 4;
    return this;
  }

  /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped; UTF-8. */
  JsonBytes string(String s) {
    if (s == null) {
      return nullValue();
    }
    raw('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ensure(1);
        buf[len++] = (byte) c;
      } else if (c == '"' || c == '\\') {
        raw('\\').raw(c);
      } else if (c < 0x20) {
        escapeControl(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < n ? i + 2 : i + 1;
        byte[] utf8 = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, len, utf8.length);
        len += utf8.length;
        i = end - 1;
      }
    }
    return raw('"');
  }

  private void escapeControl(char c) {
    switch (c) {
      case '\n' -> raw("\\n");
      case '\r' -> raw("\\r");
      case '\t' -> raw("\\t");
      case '\b' -> raw("\\b");
      case '\f' -> raw("\\f");
      default -> {
        raw("\\u00");
        raw((char) HEX[c >> 4]);
        raw((char) HEX[c & 0xF]);
      }
    }
  }

  JsonBytes number(long v) {
    ensure(20);
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        return raw(Long.toString(v));
      }
      buf[len++] = '-';
      v = -v;
    }
    int end = len + digits(v);
    int p = end;
    while (v > Integer.MAX_VALUE) {
      int r = (int) (v % 100);
      v /= 100;
      buf[--p] = DIGIT_PAIRS[2 * r + 1];
      buf[--p] = DIGIT_PAIRS[2 * r];
    }
    int i = (int) v;
    while (i >= 100) {
      int r = i % 100;
      i /= 100;
      buf[--p] = DIGIT_PAIRS[2 * r + 1];
      buf[--p] = DIGIT_PAIRS[2 * r];
    }
    if (i >= 10) {
      buf[--p] = DIGIT_PAIRS[2 * i + 1];
      buf[--p] = DIGIT_PAIRS[2 * i];
    } else {
      buf[--p] = (byte) ('0' + i);
    }
    len = end;
    return this;
  }

  private static final long[] POW10_LONG = new long[19];

  static {
    POW10_LONG[0] = 1;
    for (int i = 1; i < POW10_LONG.length; i++) {
      POW10_LONG[i] = POW10_LONG[i - 1] * 10;
    }
  }

  /** Decimal digits of a non-negative long: log10 from the bit length (1233/4096), then fixed. */
  static int digits(long v) {
    int t = (64 - Long.numberOfLeadingZeros(v | 1)) * 1233 >>> 12;
    return Math.max(1, t + (v >= POW10_LONG[t] ? 1 : 0));
  }

  /** A double as {@link Double#toString(double)} writes it; NaN and infinities as {@code null}. */
  JsonBytes number(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return nullValue();
    }
    double a = Math.abs(x);
    if (x == 0 || (a >= 1e-3 && a < 1e7)) {
      for (int k = 0; k < POW10.length; k++) {
        double scaled = a * POW10[k];
        if (scaled == Math.rint(scaled) && (long) scaled / POW10[k] == a) {
          return decimal(Math.copySign(1.0, x) < 0, (long) scaled, k);
        }
      }
    }
    return raw(Double.toString(x));
  }

  /**
   * Writes {@code m / 10^k} in plain notation with at least one fraction digit and no trailing zero
   * beyond it: the shortest form, since no other decimal of at most three fraction digits lies
   * within half an ulp of a double below 10^7.
   */
  private JsonBytes decimal(boolean negative, long m, int k) {
    if (negative) {
      raw('-');
    }
    long unit = (long) POW10[k];
    number(m / unit);
    raw('.');
    long frac = m % unit;
    if (frac == 0) {
      return raw('0');
    }
    int width = k;
    while (frac % 10 == 0) {
      frac /= 10;
      width--;
    }
    for (int w = digits(frac); w < width; w++) {
      raw('0');
    }
    return number(frac);
  }
}
