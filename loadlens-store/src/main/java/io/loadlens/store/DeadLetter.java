package io.loadlens.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A message that could not be ingested, kept with the reason.
 *
 * @param id store-assigned sequence number
 * @param receivedAt when the message arrived
 * @param source where it came from (e.g. an MQTT topic)
 * @param reason why it was not ingested
 * @param payload the bytes as received
 */
public record DeadLetter(
    long id, Instant receivedAt, String source, String reason, byte[] payload) {
  public DeadLetter {
    Objects.requireNonNull(receivedAt, "receivedAt");
    source = source == null ? "" : source;
    reason = reason == null ? "" : reason;
    payload = payload == null ? new byte[0] : payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
