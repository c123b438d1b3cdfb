package io.loadlens.transport;

import java.util.Objects;

/**
 * One message as received, before decoding.
 *
 * @param source where it came from: the MQTT topic, {@code topic-partition@offset} for Kafka, or
 *     {@code in-process}
 * @param payload the bytes; owned by the message, not copied
 */
public record InboundMessage(String source, byte[] payload) {
  public InboundMessage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
  }
}
