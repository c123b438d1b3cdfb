package io.loadlens.transport;

/**
 * A broker, link or I/O failure that may pass: the caller retries (the outbox keeps the batch). The
 * cause is kept.
 */
public class TransportException extends RuntimeException {
  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
