package io.loadlens.collector.config;

/**
 * The fleet configuration or a key file cannot be used: a user fault, never retried. The message is
 * one line that names the file, the line and the field, e.g. {@code fleet.yaml:9: meters[0].port:
 * must be between 1 and 65535, got 70000}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
