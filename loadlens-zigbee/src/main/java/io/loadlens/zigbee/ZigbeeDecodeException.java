package io.loadlens.zigbee;

/** A gateway message could not be turned into readings; the message names the topic and field. */
public class ZigbeeDecodeException extends RuntimeException {
  public ZigbeeDecodeException(String message, Throwable cause) {
    super(message, cause);
  }

  public ZigbeeDecodeException(String message) {
    super(message);
  }
}
