package io.loadlens.app.config;

/**
 * The user's configuration or command line is wrong: a typo in a key, a wrong type, an impossible
 * value, a missing or unsafe key file. The CLI prints the message on one line and exits with 2.
 */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
