package io.loadlens.store.influx;

import java.util.Locale;

/**
 * Writes InfluxDB line protocol ({@code measurement,tag=v field=1.5,n=2i 1700000000}), escaping
 * each element by its own rules:
 *
 * <ul>
 *   <li>measurement: comma and space get a backslash;
 *   <li>tag keys, tag values and field keys: comma, equals sign and space get a backslash;
 *   <li>string field values are double-quoted; double quote and backslash get a backslash;
 *   <li>a newline (or carriage return) cannot be written in any of them and is rejected, as are an
 *       empty measurement, key or tag value and one ending in a backslash (it would escape the
 *       separator after it).
 * </ul>
 *
 * Floats are written in their shortest round-trip decimal form, integers with the {@code i} suffix,
 * booleans as {@code true}/{@code false}. One builder appends any number of lines.
 */
public final class LineProtocol {
  private final StringBuilder out = new StringBuilder();
  private int lines;
  private int state; // 0 line start, 1 after measurement/tags, 2 after a field

  /** Starts a line. */
  public LineProtocol measurement(String name) {
    if (state == 1) {
      throw new IllegalStateException("line protocol: line without fields before " + name);
    }
    if (state == 2) {
      throw new IllegalStateException("line protocol: line without a time before " + name);
    }
    check("measurement", name);
    escape(name, false);
    state = 1;
    return this;
  }

  /** Adds a tag; tags must come before the fields. */
  public LineProtocol tag(String key, String value) {
    if (state != 1) {
      throw new IllegalStateException("line protocol: tag " + key + " outside the tag set");
    }
    check("tag key", key);
    check("tag value of " + key, value);
    out.append(',');
    escape(key, true);
    out.append('=');
    escape(value, true);
    return this;
  }

  public LineProtocol field(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "line protocol: field " + key + " must be a finite number, got " + value);
    }
    fieldKey(key);
    out.append(floatText(value));
    return this;
  }

  public LineProtocol field(String key, long value) {
    fieldKey(key);
    out.append(value).append('i');
    return this;
  }

  public LineProtocol field(String key, boolean value) {
    fieldKey(key);
    out.append(value);
    return this;
  }

  public LineProtocol field(String key, String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "line protocol: field " + key + " holds a line break: " + value.replace("\n", "\\n"));
    }
    fieldKey(key);
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\');
      }
      out.append(ch);
    }
    out.append('"');
    return this;
  }

  /** Ends the line with its timestamp, in the precision the write request names. */
  public LineProtocol time(long timestamp) {
    if (state != 2) {
      throw new IllegalStateException("line protocol: a line needs at least one field");
    }
    out.append(' ').append(timestamp).append('\n');
    lines++;
    state = 0;
    return this;
  }

  /** Lines completed so far. */
  public int lines() {
    return lines;
  }

  /** Bytes of the completed lines, UTF-8 (approximately: chars). */
  public int length() {
    return out.length();
  }

  /** The completed lines, each ending in a newline. */
  @Override
  public String toString() {
    if (state != 0) {
      throw new IllegalStateException("line protocol: the last line has no time");
    }
    return out.toString();
  }

  private void fieldKey(String key) {
    if (state == 0) {
      throw new IllegalStateException("line protocol: field " + key + " before a measurement");
    }
    check("field key", key);
    out.append(state == 1 ? ' ' : ',');
    escape(key, true);
    out.append('=');
    state = 2;
  }

  private static void check(String what, String s) {
    if (s == null || s.isEmpty()) {
      throw new IllegalArgumentException("line protocol: " + what + " must not be empty");
    }
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "line protocol: " + what + " holds a line break: " + s.replace("\n", "\\n"));
    }
    if (s.endsWith("\\")) {
      // a trailing backslash would escape the separator that follows it
      throw new IllegalArgumentException("line protocol: " + what + " ends in a backslash: " + s);
    }
  }

  /** Escapes comma and space, and with {@code equals} also the equals sign. */
  private void escape(String s, boolean equals) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ',' || ch == ' ' || (equals && ch == '=')) {
        out.append('\\');
      }
      out.append(ch);
    }
  }

  static String floatText(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    return s.contains("E") ? s.toLowerCase(Locale.ROOT) : s;
  }
}
