package io.loadlens.iec21;

/**
 * A readout or telegram could not be decoded: a failed checksum (BCC, CRC-16, GCM tag), a malformed
 * line, a missing frame delimiter. The caller drops the telegram and waits for the next one; the
 * message names the failing check or field.
 */
public class Iec21Exception extends RuntimeException {
  public Iec21Exception(String message) {
    super(message);
  }

  public Iec21Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
