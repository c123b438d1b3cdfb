package io.loadlens.collector;

/**
 * A collection pass could not hand its results on (the reading or event sink failed) or was
 * interrupted. Meter faults are never thrown: they are outcomes.
 */
public final class CollectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CollectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
