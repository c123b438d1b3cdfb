package io.loadlens.transport.kafka;

import io.loadlens.transport.InvalidSettingsException;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Kafka.
 *
 * @param bootstrapServers {@code host:port[,host:port…]}
 * @param topic the readings topic
 * @param partitions partitions when the topic is created (the upper bound of parallel consumers)
 * @param replicationFactor replicas when the topic is created
 * @param groupId the ingest consumer group
 * @param clientId client id prefix
 * @param extra further client properties (security.protocol, ssl.*, sasl.*), passed through
 */
public record KafkaSettings(
    String bootstrapServers,
    String topic,
    int partitions,
    short replicationFactor,
    String groupId,
    String clientId,
    Map<String, String> extra) {

  public KafkaSettings {
    if (bootstrapServers == null
        || !bootstrapServers.matches("[^\\s,]+:\\d{1,5}(,[^\\s,]+:\\d{1,5})*")) {
      throw new InvalidSettingsException(
          "kafka.bootstrapServers: '" + bootstrapServers + "' is not host:port[,host:port…]");
    }
    if (topic == null || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
      throw new InvalidSettingsException(
          "kafka.topic: '" + topic + "' must be 1 to 249 letters, digits, '.', '_' or '-'");
    }
    if (partitions < 1) {
      throw new InvalidSettingsException("kafka.partitions: " + partitions + " is below 1");
    }
    if (replicationFactor < 1) {
      throw new InvalidSettingsException(
          "kafka.replicationFactor: " + replicationFactor + " is below 1");
    }
    if (groupId == null || groupId.isBlank()) {
      throw new InvalidSettingsException("kafka.groupId: missing");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new InvalidSettingsException("kafka.clientId: missing");
    }
    extra = Map.copyOf(Objects.requireNonNull(extra, "kafka.extra"));
    for (String k : extra.keySet()) {
      if (k.equals("enable.auto.commit") || k.equals("acks") || k.equals("enable.idempotence")) {
        throw new InvalidSettingsException(
            "kafka.extra: '" + k + "' is fixed by loadlens (delivery guarantees depend on it)");
      }
    }
  }

  /**
   * Topic {@code loadlens.readings}, 12 partitions, replication 1, group {@code loadlens-ingest}.
   */
  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(
        bootstrapServers,
        "loadlens.readings",
        12,
        (short) 1,
        "loadlens-ingest",
        "loadlens",
        Map.of());
  }

  public KafkaSettings withTopic(String t, int p) {
    return new KafkaSettings(bootstrapServers, t, p, replicationFactor, groupId, clientId, extra);
  }

  public KafkaSettings withGroup(String g) {
    return new KafkaSettings(
        bootstrapServers, topic, partitions, replicationFactor, g, clientId, extra);
  }

  public KafkaSettings withClientId(String c) {
    return new KafkaSettings(
        bootstrapServers, topic, partitions, replicationFactor, groupId, c, extra);
  }
}
