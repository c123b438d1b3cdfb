package io.loadlens.transport.kafka;

import io.loadlens.transport.InvalidSettingsException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach Kafka.
 *
 * @param bootstrapServers {@code host:port[,host:port…]}
 * @param topic the readings topic
 * @param eventsTopic the meter events topic
 * @param partitions partitions when the topics are created (the upper bound of parallel consumers)
 * @param replicationFactor replicas when the topics are created
 * @param groupId the ingest consumer group
 * @param clientId client id prefix
 * @param tls TLS to the brokers, or null for none
 * @param sasl SASL authentication, or null for none
 * @param extra further client properties, passed through; with {@code tls} or {@code sasl} set they
 *     may not hold {@code security.protocol}, {@code ssl.*} or {@code sasl.*}
 */
public record KafkaSettings(
    String bootstrapServers,
    String topic,
    String eventsTopic,
    int partitions,
    short replicationFactor,
    String groupId,
    String clientId,
    KafkaTls tls,
    KafkaSasl sasl,
    Map<String, String> extra) {

  /** The events topic unless configured otherwise. */
  public static final String DEFAULT_EVENTS_TOPIC = "loadlens.events";

  public KafkaSettings {
    if (bootstrapServers == null
        || !bootstrapServers.matches("[^\\s,]+:\\d{1,5}(,[^\\s,]+:\\d{1,5})*")) {
      throw new InvalidSettingsException(
          "kafka.bootstrapServers: '" + bootstrapServers + "' is not host:port[,host:port…]");
    }
    checkTopic("kafka.topic", topic);
    checkTopic("kafka.eventsTopic", eventsTopic);
    if (eventsTopic.equals(topic)) {
      throw new InvalidSettingsException(
          "kafka.eventsTopic: '" + eventsTopic + "' must differ from kafka.topic");
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
      if ((tls != null || sasl != null)
          && (k.equals("security.protocol") || k.startsWith("ssl.") || k.startsWith("sasl."))) {
        throw new InvalidSettingsException(
            "kafka.extra: '" + k + "' conflicts with kafka.tls/kafka.sasl (set one or the other)");
      }
    }
  }

  /** Without TLS or SASL, events on {@value #DEFAULT_EVENTS_TOPIC} (the settings before both). */
  public KafkaSettings(
      String bootstrapServers,
      String topic,
      int partitions,
      short replicationFactor,
      String groupId,
      String clientId,
      Map<String, String> extra) {
    this(
        bootstrapServers,
        topic,
        DEFAULT_EVENTS_TOPIC,
        partitions,
        replicationFactor,
        groupId,
        clientId,
        null,
        null,
        extra);
  }

  private static void checkTopic(String field, String t) {
    if (t == null || !t.matches("[A-Za-z0-9._-]{1,249}")) {
      throw new InvalidSettingsException(
          field + ": '" + t + "' must be 1 to 249 letters, digits, '.', '_' or '-'");
    }
  }

  /**
   * Topics {@code loadlens.readings} and {@code loadlens.events}, 12 partitions, replication 1,
   * group {@code loadlens-ingest}, plain text.
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
    return new KafkaSettings(
        bootstrapServers,
        t,
        eventsTopic,
        p,
        replicationFactor,
        groupId,
        clientId,
        tls,
        sasl,
        extra);
  }

  public KafkaSettings withEventsTopic(String t) {
    return new KafkaSettings(
        bootstrapServers,
        topic,
        t,
        partitions,
        replicationFactor,
        groupId,
        clientId,
        tls,
        sasl,
        extra);
  }

  public KafkaSettings withGroup(String g) {
    return new KafkaSettings(
        bootstrapServers,
        topic,
        eventsTopic,
        partitions,
        replicationFactor,
        g,
        clientId,
        tls,
        sasl,
        extra);
  }

  public KafkaSettings withClientId(String c) {
    return new KafkaSettings(
        bootstrapServers,
        topic,
        eventsTopic,
        partitions,
        replicationFactor,
        groupId,
        c,
        tls,
        sasl,
        extra);
  }

  /** With TLS to the brokers (null: none). */
  public KafkaSettings withTls(KafkaTls t) {
    return new KafkaSettings(
        bootstrapServers,
        topic,
        eventsTopic,
        partitions,
        replicationFactor,
        groupId,
        clientId,
        t,
        sasl,
        extra);
  }

  /** With SASL authentication (null: none). */
  public KafkaSettings withSasl(KafkaSasl s) {
    return new KafkaSettings(
        bootstrapServers,
        topic,
        eventsTopic,
        partitions,
        replicationFactor,
        groupId,
        clientId,
        tls,
        s,
        extra);
  }

  /**
   * The client properties every loadlens Kafka client starts from: {@code bootstrap.servers}, the
   * {@code extra} properties, and the security settings mapped to {@code security.protocol}, {@code
   * ssl.*}, {@code sasl.mechanism} and {@code sasl.jaas.config}. Password and key files are read
   * now; the result holds secrets and must not be logged.
   *
   * @throws InvalidSettingsException naming the field when a password or key file cannot be used
   */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.putAll(extra);
    p.putAll(KafkaSecurityProperties.of(tls, sasl));
    p.put("bootstrap.servers", bootstrapServers);
    return p;
  }

  /** Without secrets: the servers, topics, group and the security protocol in use. */
  @Override
  public String toString() {
    return "kafka "
        + bootstrapServers
        + " topics "
        + topic
        + ", "
        + eventsTopic
        + " group "
        + groupId
        + " ("
        + KafkaSecurityProperties.protocol(tls, sasl)
            .orElse(extra.getOrDefault("security.protocol", "PLAINTEXT"))
        + (sasl == null ? "" : " " + sasl.mechanism().kafkaName() + " as " + sasl.username())
        + ")";
  }
}
