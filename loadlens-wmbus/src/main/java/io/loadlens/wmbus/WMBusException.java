package io.loadlens.wmbus;

/**
 * A telegram could not be decoded: a failed CRC, MAC or decryption check, a malformed header or
 * record, a missing key. The message names the failing check or field; the caller drops the
 * telegram.
 */
public class WMBusException extends RuntimeException {
  public WMBusException(String message) {
    super(message);
  }

  public WMBusException(String message, Throwable cause) {
    super(message, cause);
  }
}
