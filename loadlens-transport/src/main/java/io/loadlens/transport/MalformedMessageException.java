package io.loadlens.transport;

/**
 * A message that can never be decoded: malformed, oversized or of an unknown schema version. The
 * caller dead-letters it and carries on; retrying cannot help. The message names the field.
 */
public final class MalformedMessageException extends RuntimeException {
  public MalformedMessageException(String message) {
    super(message);
  }

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
