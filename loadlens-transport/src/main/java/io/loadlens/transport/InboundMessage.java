package io.loadlens.transport;

import java.util.Objects;

/**
 * One message as received, before decoding.
 *
 * @param source where it came from: the MQTT topic, {@code topic-partition@offset} for Kafka, or
 *     {@code in-process/<meter>}
 * @param payload the bytes; owned by the message, not copied
 * @param channel what the message carries, known from where it arrived (topic), never guessed from
 *     the payload
 */
public record InboundMessage(String source, byte[] payload, Channel channel) {
  public InboundMessage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(channel, "channel");
  }

  /** A reading batch message. */
  public InboundMessage(String source, byte[] payload) {
    this(source, payload, Channel.READINGS);
  }

  /** The two message streams of schema version 1. */
  public enum Channel {
    /** Reading batches: MQTT {@code …/profile}, the Kafka readings topic. */
    READINGS,
    /** Meter events: MQTT {@code …/events}, the Kafka events topic. */
    EVENTS
  }
}
