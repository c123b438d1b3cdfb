package io.loadlens.transport;

/** Transport configuration that cannot work: a user fault, never retried. Names the field. */
public final class InvalidSettingsException extends IllegalArgumentException {
  public InvalidSettingsException(String message) {
    super(message);
  }

  public InvalidSettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
