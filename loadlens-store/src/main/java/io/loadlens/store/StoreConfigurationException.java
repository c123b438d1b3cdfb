package io.loadlens.store;

/** The store URL or its settings are wrong: a user fault that retrying does not fix. */
public class StoreConfigurationException extends StoreException {
  public StoreConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreConfigurationException(String message) {
    super(message);
  }
}
