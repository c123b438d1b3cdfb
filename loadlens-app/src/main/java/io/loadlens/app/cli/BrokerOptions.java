package io.loadlens.app.cli;

import io.loadlens.app.config.ConfigException;
import io.loadlens.app.config.LoadlensConfig;
import io.loadlens.transport.ReadingPublisher;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.kafka.KafkaPublisher;
import io.loadlens.transport.kafka.KafkaSasl;
import io.loadlens.transport.kafka.KafkaSettings;
import io.loadlens.transport.kafka.KafkaTls;
import io.loadlens.transport.kafka.KafkaTopics;
import io.loadlens.transport.mqtt.MqttPublisher;
import io.loadlens.transport.mqtt.MqttSettings;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * How the gateway and ingest halves meet: an MQTT broker (TLS with {@code mqtts://}) or Kafka.
 * Flags override the {@code transport} section of {@code loadlens.yaml}.
 */
public class BrokerOptions {
  @Option(
      names = "--mqtt",
      paramLabel = "URL",
      description = "mqtt://host:1883 or mqtts://host:8883.")
  String mqtt;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "CA certificate (PEM) that signed the broker's certificate.")
  Path ca;

  /** Client certificate and key for mutual TLS; their flags are the subclasses'. */
  Path cert;

  Path key;

  @Option(names = "--username", paramLabel = "NAME", description = "MQTT user name.")
  String username;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "File holding the MQTT password.")
  Path passwordFile;

  @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String kafka;

  @Option(
      names = "--codec",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description =
          "Message encoding written: json or binary (both are read) (default ${DEFAULT-VALUE}).")
  String codec;

  boolean isKafka(LoadlensConfig cfg) {
    if (mqtt != null && kafka != null) {
      throw new ConfigException("give --mqtt or --kafka, not both");
    }
    if (kafka != null) {
      return true;
    }
    if (mqtt != null) {
      return false;
    }
    return switch (cfg.transport().kind()) {
      case "kafka" -> true;
      case "mqtt" -> false;
      default ->
          throw new ConfigException(
              "give --mqtt URL or --kafka HOST:PORT (or transport.kind mqtt/kafka in loadlens.yaml)");
    };
  }

  WireCodec codec() {
    return switch (codec) {
      case "json" -> WireCodec.json();
      case "binary" -> WireCodec.binary();
      default -> throw new ConfigException("--codec '" + codec + "' is not json or binary");
    };
  }

  MqttSettings mqtt(LoadlensConfig cfg, String clientId) {
    LoadlensConfig.Mqtt y = cfg.transport().mqtt();
    String url = mqtt != null ? mqtt : y == null ? null : y.url();
    try {
      MqttSettings s = MqttSettings.fromUrl(url, clientId);
      Path caFile = ca != null ? ca : path(y == null ? null : y.ca());
      if (caFile != null) {
        s = s.withCaFile(caFile);
      }
      Path certFile = cert != null ? cert : path(y == null ? null : y.cert());
      Path keyFile = key != null ? key : path(y == null ? null : y.key());
      if (certFile != null || keyFile != null) {
        s = s.withClientCertificate(certFile, keyFile);
      }
      String user = username != null ? username : y == null ? null : y.username();
      if (user != null) {
        s =
            s.withCredentials(
                user,
                passwordFile != null ? passwordFile : path(y == null ? null : y.passwordFile()));
      }
      if (y != null) {
        s = s.withQos(y.qos());
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  KafkaSettings kafka(LoadlensConfig cfg) {
    LoadlensConfig.Kafka y = cfg.transport().kafka();
    String bootstrap = kafka != null ? kafka : y == null ? null : y.bootstrap();
    try {
      KafkaSettings s = KafkaSettings.of(bootstrap);
      if (y != null) {
        s =
            s.withTopic(y.topic(), y.partitions())
                .withEventsTopic(y.eventsTopic())
                .withGroup(y.group());
        if (y.tls() != null) {
          s = s.withTls(tls(y.tls()));
        }
        if (y.sasl() != null) {
          s =
              s.withSasl(
                  new KafkaSasl(
                      KafkaSasl.Mechanism.parse(y.sasl().mechanism()),
                      y.sasl().username(),
                      Path.of(y.sasl().passwordFile())));
        }
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** The publisher a gateway-side command sends through: Kafka or MQTT as configured. */
  ReadingPublisher publisher(LoadlensConfig cfg, String gatewayName, Clock clock) {
    if (isKafka(cfg)) {
      KafkaSettings s = kafka(cfg);
      KafkaTopics.ensure(s);
      return new KafkaPublisher(s, codec());
    }
    return MqttPublisher.connect(
        mqtt(cfg, "loadlens-gateway-" + gatewayName), gatewayName, codec(), clock, 10_000);
  }

  private static KafkaTls tls(LoadlensConfig.KafkaTls t) {
    if (t.ca() != null && t.truststore() != null) {
      throw new ConfigException("transport.kafka.tls: give ca or truststore, not both");
    }
    KafkaTls tls =
        t.ca() != null
            ? KafkaTls.caFile(Path.of(t.ca()))
            : t.truststore() != null
                ? KafkaTls.truststore(Path.of(t.truststore()), path(t.truststorePasswordFile()))
                : KafkaTls.systemTrust();
    if (t.cert() != null || t.key() != null) {
      tls = tls.withClientPem(path(t.cert()), path(t.key()));
    }
    if (t.keystore() != null) {
      tls = tls.withKeystore(Path.of(t.keystore()), path(t.keystorePasswordFile()));
    }
    return tls;
  }

  String gatewayName(LoadlensConfig cfg) {
    return cfg.transport().mqtt() != null ? cfg.transport().mqtt().gateway() : "gw1";
  }

  private static Path path(String s) {
    return s == null ? null : Path.of(s);
  }

  private static final String CERT_HELP = "Client certificate (PEM) for mutual TLS";
  private static final String KEY_HELP = "Client private key (PEM) for mutual TLS";
  private static final String WITH_BROKER = " with the broker.";

  /** {@code gateway} and {@code ingest}: the client certificate is {@code --cert}/{@code --key}. */
  public static final class CertKey extends BrokerOptions {
    @Option(names = "--cert", paramLabel = "FILE", description = CERT_HELP + ".")
    void cert(Path file) {
      cert = file;
    }

    @Option(names = "--key", paramLabel = "FILE", description = KEY_HELP + ".")
    void key(Path file) {
      key = file;
    }
  }

  /**
   * {@code listen}: the client certificate is {@code --client-cert}/{@code --client-key}, because
   * {@code --key} is the meter's decryption key there.
   */
  public static final class ClientCertKey extends BrokerOptions {
    @Option(names = "--client-cert", paramLabel = "FILE", description = CERT_HELP + WITH_BROKER)
    void cert(Path file) {
      cert = file;
    }

    @Option(names = "--client-key", paramLabel = "FILE", description = KEY_HELP + WITH_BROKER)
    void key(Path file) {
      key = file;
    }
  }
}
