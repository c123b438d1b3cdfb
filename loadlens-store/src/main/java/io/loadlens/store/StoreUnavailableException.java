package io.loadlens.store;

/** The database could not be reached or the connection broke: retry later, nothing was written. */
public class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
