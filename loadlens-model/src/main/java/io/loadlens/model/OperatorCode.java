package io.loadlens.model;

import java.util.Optional;

/**
 * Why reading a meter failed, as operators see it in {@code ingest.log} and in the API. The three
 * numbered codes are the ones head-end operators use in the field; the others have no number.
 */
public enum OperatorCode {
  /** Hardware fault: the meter's critical-error status bit, or a hardware error it reported. */
  HARDWARE_FAULT(0x01),
  /** Authentication failure: association rejected, GMAC/tag failure, wrong password or key. */
  AUTHENTICATION_FAILURE(0x05),
  /** Profile entry missing: an interval the meter should have captured is not in its buffer. */
  PROFILE_ENTRY_MISSING(0x09),
  /** The meter did not answer within TIMEOUT_VAL. */
  TIMEOUT(-1),
  /** The connection was refused or could not be opened. */
  CONNECTION_FAILED(-1),
  /** The connection was lost in the middle of a session. */
  CONNECTION_LOST(-1),
  /** A frame or APDU could not be decoded (bad checksum, malformed encoding). */
  FRAMING_ERROR(-1),
  /** The meter answered with a service error or an unexpected response. */
  PROTOCOL_ERROR(-1),
  /** The invocation counter went backwards or repeated (possible replay). */
  REPLAY_DETECTED(-1),
  /** The configuration for this meter is invalid or its key file cannot be used. */
  CONFIGURATION_ERROR(-1);

  private final int code;

  OperatorCode(int code) {
    this.code = code;
  }

  /** The field's numeric code, when this failure has one. */
  public Optional<Integer> code() {
    return code < 0 ? Optional.empty() : Optional.of(code);
  }

  /** The code as operators write it: {@code 0x05}, or the name when there is no number. */
  public String label() {
    return code < 0 ? name() : String.format("0x%02X", code);
  }
}
