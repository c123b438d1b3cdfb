package io.loadlens.model;

import java.util.regex.Pattern;

/**
 * Identifies a meter across the system: in configuration, on the wire of the transport, in the
 * store and in the API. 1 to 64 characters of letters, digits and {@code . _ : -}, so an id is safe
 * in MQTT topics, file names and URLs.
 */
public record MeterId(String value) implements Comparable<MeterId> {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public MeterId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "meter id '" + value + "' is invalid: use 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
  }

  public static MeterId of(String value) {
    return new MeterId(value);
  }

  @Override
  public int compareTo(MeterId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
