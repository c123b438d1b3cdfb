package io.loadlens.collector.config;

/**
 * A configuration value is impossible. Carries the model field's name ({@link #field()}) and the
 * reason separately so that file parsers can point at the key and line that set it.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String reason;

  public InvalidFieldException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The model field, e.g. {@code port} or {@code systemTitle}. */
  public String field() {
    return field;
  }

  /** What is wrong, e.g. {@code must be between 1 and 65535, got 70000}. */
  public String reason() {
    return reason;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidFieldException(
          field, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    return value;
  }
}
