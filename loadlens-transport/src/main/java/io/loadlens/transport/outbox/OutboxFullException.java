package io.loadlens.transport.outbox;

/**
 * The outbox reached its size limit: the broker has not acknowledged for too long. The caller must
 * slow down or stop collecting until the link is back; the batch was not stored.
 */
public final class OutboxFullException extends RuntimeException {
  public OutboxFullException(String message) {
    super(message);
  }
}
