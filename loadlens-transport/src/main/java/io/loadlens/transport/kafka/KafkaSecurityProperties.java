package io.loadlens.transport.kafka;

import io.loadlens.transport.InvalidSettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps {@link KafkaTls} and {@link KafkaSasl} to Kafka client properties. */
final class KafkaSecurityProperties {

  private KafkaSecurityProperties() {}

  /** The {@code security.protocol} the settings need, or empty when neither is set. */
  static Optional<String> protocol(KafkaTls tls, KafkaSasl sasl) {
    if (tls == null && sasl == null) {
      return Optional.empty();
    }
    return Optional.of(sasl == null ? "SSL" : tls == null ? "SASL_PLAINTEXT" : "SASL_SSL");
  }

  static Map<String, String> of(KafkaTls tls, KafkaSasl sasl) {
    Map<String, String> p = new LinkedHashMap<>();
    protocol(tls, sasl).ifPresent(v -> p.put("security.protocol", v));
    if (tls != null) {
      tls(tls, p);
    }
    if (sasl != null) {
      p.put("sasl.mechanism", sasl.mechanism().kafkaName());
      p.put(
          "sasl.jaas.config",
          sasl.mechanism().loginModule()
              + " required username=\""
              + jaasQuote(sasl.username())
              + "\" password=\""
              + jaasQuote(password("kafka.sasl.passwordFile", sasl.passwordFile()))
              + "\";");
    }
    return p;
  }

  private static void tls(KafkaTls tls, Map<String, String> p) {
    p.put("ssl.endpoint.identification.algorithm", "https");
    if (tls.caFile() != null) {
      p.put("ssl.truststore.type", "PEM");
      p.put("ssl.truststore.location", tls.caFile().toAbsolutePath().toString());
    } else if (tls.truststoreFile() != null) {
      p.put(
          "ssl.truststore.type",
          KafkaTls.storeType("kafka.tls.truststoreFile", tls.truststoreFile()));
      p.put("ssl.truststore.location", tls.truststoreFile().toAbsolutePath().toString());
      if (tls.truststorePasswordFile() != null) {
        p.put(
            "ssl.truststore.password",
            password("kafka.tls.truststorePasswordFile", tls.truststorePasswordFile()));
      }
    }
    if (tls.certFile() != null) {
      p.put("ssl.keystore.type", "PEM");
      p.put(
          "ssl.keystore.certificate.chain",
          pem("kafka.tls.certFile", tls.certFile(), "CERTIFICATE"));
      p.put("ssl.keystore.key", pem("kafka.tls.keyFile", tls.keyFile(), "PRIVATE KEY"));
    } else if (tls.keystoreFile() != null) {
      String pw = password("kafka.tls.keystorePasswordFile", tls.keystorePasswordFile());
      p.put("ssl.keystore.type", KafkaTls.storeType("kafka.tls.keystoreFile", tls.keystoreFile()));
      p.put("ssl.keystore.location", tls.keystoreFile().toAbsolutePath().toString());
      p.put("ssl.keystore.password", pw);
      p.put("ssl.key.password", pw);
    }
  }

  /** Escapes a value for a double-quoted JAAS option ({@code \} and {@code "}). */
  static String jaasQuote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Reads a one-line password file; one trailing line end is dropped. */
  static String password(String field, Path file) {
    String s = read(field, file);
    if (s.endsWith("\r\n")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      throw new InvalidSettingsException(field + ": " + file + " is empty");
    }
    if (s.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSettingsException(
          field + ": " + file + " must hold the password on one line without control characters");
    }
    return s;
  }

  private static String pem(String field, Path file, String label) {
    String s = read(field, file);
    if (!s.contains("-----BEGIN " + label + "-----")) {
      throw new InvalidSettingsException(
          field
              + ": "
              + file
              + " holds no PEM '"
              + label
              + "' block"
              + (label.equals("PRIVATE KEY")
                  ? " (an unencrypted PKCS#8 key; convert with openssl pkcs8 -topk8 -nocrypt)"
                  : ""));
    }
    return s;
  }

  private static String read(String field, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSettingsException(field + ": " + file + " cannot be read: " + e, e);
    }
  }
}
