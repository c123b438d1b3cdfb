package io.loadlens.store;

/**
 * A store operation failed. Subclasses say what the caller should do: {@link
 * StoreUnavailableException} (retry later), {@link StoreConfigurationException} (fix the
 * configuration; retrying does not help). This base class means the request itself failed.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
