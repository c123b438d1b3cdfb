package io.loadlens.wmbus;

/**
 * The configuration is wrong (a key file that is too open or malformed): the user must fix it; no
 * retry helps. Not a {@link WMBusException}, which is about one telegram.
 */
public class WMBusConfigException extends RuntimeException {
  public WMBusConfigException(String message) {
    super(message);
  }

  public WMBusConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
