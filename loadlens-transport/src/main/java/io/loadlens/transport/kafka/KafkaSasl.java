package io.loadlens.transport.kafka;

import io.loadlens.transport.InvalidSettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * SASL authentication to the Kafka brokers: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, with a user name
 * and a password read from a file when the client starts (never logged). Over a connection without
 * TLS (security protocol {@code SASL_PLAINTEXT}) a PLAIN password crosses the network in clear; use
 * it only together with {@link KafkaTls} outside a closed network.
 *
 * @param mechanism the SASL mechanism
 * @param username the user name
 * @param passwordFile a file holding the password on one line
 */
public record KafkaSasl(Mechanism mechanism, String username, Path passwordFile) {

  public KafkaSasl {
    if (mechanism == null) {
      throw new InvalidSettingsException(
          "kafka.sasl.mechanism: missing (one of " + Mechanism.names() + ")");
    }
    if (username == null || username.isEmpty()) {
      throw new InvalidSettingsException("kafka.sasl.username: missing");
    }
    if (username.length() > 255 || username.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSettingsException(
          "kafka.sasl.username: must be 1 to 255 characters without control characters");
    }
    if (passwordFile == null) {
      throw new InvalidSettingsException("kafka.sasl.passwordFile: missing");
    }
    if (!Files.isReadable(passwordFile)) {
      throw new InvalidSettingsException(
          "kafka.sasl.passwordFile: "
              + passwordFile
              + (Files.exists(passwordFile) ? " is not readable" : " does not exist"));
    }
  }

  /** The mechanisms, with their names on the wire. */
  public enum Mechanism {
    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
    SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    private final String kafkaName;
    private final String loginModule;

    Mechanism(String kafkaName, String loginModule) {
      this.kafkaName = kafkaName;
      this.loginModule = loginModule;
    }

    /** The value of {@code sasl.mechanism}. */
    public String kafkaName() {
      return kafkaName;
    }

    String loginModule() {
      return loginModule;
    }

    /** Parses {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512} (case-insensitive). */
    public static Mechanism parse(String text) {
      for (Mechanism m : values()) {
        if (m.kafkaName.equalsIgnoreCase(Objects.requireNonNullElse(text, ""))) {
          return m;
        }
      }
      throw new InvalidSettingsException(
          "kafka.sasl.mechanism: '" + text + "' is not one of " + names());
    }

    static String names() {
      return Arrays.stream(values()).map(Mechanism::kafkaName).toList().toString();
    }
  }
}
