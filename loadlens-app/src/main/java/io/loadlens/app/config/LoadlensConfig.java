package io.loadlens.app.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole system's configuration: {@code loadlens.yaml}. Every section is optional; a missing
 * section or key takes the default documented in {@code docs/CONFIGURATION.md}. Values are checked
 * here, at start, and a wrong one stops the program with an error naming it.
 */
public record LoadlensConfig(
    String dataDir,
    String store,
    Collector collector,
    Transport transport,
    Vee vee,
    Server server,
    Influx influx) {

  public LoadlensConfig {
    dataDir = dataDir == null ? "./data" : dataDir;
    collector = collector == null ? Collector.DEFAULT : collector;
    transport = transport == null ? Transport.DEFAULT : transport;
    vee = vee == null ? Vee.DEFAULT : vee;
    server = server == null ? Server.DEFAULT : server;
  }

  public static final LoadlensConfig DEFAULT =
      new LoadlensConfig(null, null, null, null, null, null, null);

  /** Reads and checks a {@code loadlens.yaml}. */
  public static LoadlensConfig load(Path file) {
    return YamlFiles.read(file, LoadlensConfig.class);
  }

  /** The head-end: which meters, how often, how many at once. */
  public record Collector(
      String fleetFile,
      String dlmsConfig,
      Integer intervalMinutes,
      Integer initialDays,
      Integer maxConnections,
      Integer maxNewConnectionsPerSecond,
      Integer maxConnectionsPerGroup,
      Integer timeoutMs,
      Integer retries,
      String clientSystemTitle) {
    static final Collector DEFAULT =
        new Collector(null, null, null, null, null, null, null, null, null, null);

    public Collector {
      intervalMinutes = positive("collector.interval_minutes", intervalMinutes, 15);
      initialDays = positive("collector.initial_days", initialDays, 30);
      maxConnections = positive("collector.max_connections", maxConnections, 256);
      maxNewConnectionsPerSecond =
          positive("collector.max_new_connections_per_second", maxNewConnectionsPerSecond, 1000);
      maxConnectionsPerGroup =
          positive("collector.max_connections_per_group", maxConnectionsPerGroup, maxConnections);
      timeoutMs = positive("collector.timeout_ms", timeoutMs, 5000);
      retries = atLeast("collector.retries", retries, 0, 2);
      if (fleetFile != null && dlmsConfig != null) {
        throw new IllegalArgumentException(
            "collector: give either fleet_file or dlms_config, not both");
      }
    }
  }

  /** How readings travel from the collector to the store. */
  public record Transport(String kind, Mqtt mqtt, Kafka kafka) {
    static final List<String> KINDS = List.of("in-process", "mqtt", "kafka");
    static final Transport DEFAULT = new Transport(null, null, null);

    public Transport {
      kind = kind == null ? "in-process" : kind;
      if (!KINDS.contains(kind)) {
        throw new IllegalArgumentException(
            "transport.kind '" + kind + "' is not one of " + String.join(", ", KINDS));
      }
      if (kind.equals("mqtt") && mqtt == null) {
        throw new IllegalArgumentException(
            "transport.kind is mqtt but the transport.mqtt section is missing");
      }
      if (kind.equals("kafka") && kafka == null) {
        throw new IllegalArgumentException(
            "transport.kind is kafka but the transport.kafka section is missing");
      }
    }
  }

  /** MQTT broker settings. */
  public record Mqtt(
      String url,
      String ca,
      String cert,
      String key,
      String username,
      String passwordFile,
      Integer qos,
      String gateway,
      String clientId) {
    public Mqtt {
      if (url == null || !(url.startsWith("mqtt://") || url.startsWith("mqtts://"))) {
        throw new IllegalArgumentException(
            "transport.mqtt.url '" + url + "' must start with mqtt:// or mqtts://");
      }
      qos = atLeast("transport.mqtt.qos", qos, 1, 1);
      if (qos > 2) {
        throw new IllegalArgumentException("transport.mqtt.qos must be 1 or 2, got " + qos);
      }
      gateway = gateway == null ? "gw1" : gateway;
    }
  }

  /** Kafka cluster settings. */
  public record Kafka(
      String bootstrap,
      String topic,
      String eventsTopic,
      Integer partitions,
      String group,
      KafkaTls tls,
      KafkaSasl sasl) {
    public Kafka {
      if (bootstrap == null || bootstrap.isBlank()) {
        throw new IllegalArgumentException("transport.kafka.bootstrap (HOST:PORT) is required");
      }
      topic = topic == null ? "loadlens.readings" : topic;
      eventsTopic = eventsTopic == null ? "loadlens.events" : eventsTopic;
      partitions = positive("transport.kafka.partitions", partitions, 6);
      group = group == null ? "loadlens-ingest" : group;
    }
  }

  /**
   * TLS to the Kafka brokers: the brokers' CA as PEM ({@code ca}) or a trust store (with its
   * password file), none of them for the system's trust; a client certificate as PEM ({@code cert}
   * + {@code key}) or a key store.
   */
  public record KafkaTls(
      String ca,
      String truststore,
      String truststorePasswordFile,
      String cert,
      String key,
      String keystore,
      String keystorePasswordFile) {}

  /** SASL: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, the password read from a file. */
  public record KafkaSasl(String mechanism, String username, String passwordFile) {
    public KafkaSasl {
      if (mechanism == null || username == null || passwordFile == null) {
        throw new IllegalArgumentException(
            "transport.kafka.sasl needs mechanism, username and password_file");
      }
    }
  }

  /**
   * A write-only copy of ingested readings in InfluxDB (line protocol): {@code api} v1 with {@code
   * db}, or v2 with {@code org}, {@code bucket} and a token read from {@code token_file}.
   */
  public record Influx(
      String url,
      String api,
      String db,
      String org,
      String bucket,
      String tokenFile,
      String precision,
      String measurement) {
    public Influx {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("influx.url (http://host:8086) is required");
      }
      api = api == null ? "v1" : api;
      switch (api) {
        case "v1" -> {
          if (db == null) {
            throw new IllegalArgumentException("influx.db is required with api v1");
          }
        }
        case "v2" -> {
          if (org == null || bucket == null || tokenFile == null) {
            throw new IllegalArgumentException(
                "influx.org, influx.bucket and influx.token_file are required with api v2");
          }
        }
        default ->
            throw new IllegalArgumentException("influx.api must be v1 or v2, got '" + api + "'");
      }
      if (precision != null && !precision.equals("s") && !precision.equals("ns")) {
        throw new IllegalArgumentException(
            "influx.precision must be s or ns, got '" + precision + "'");
      }
    }
  }

  /** Validation, estimation and editing rules. */
  public record Vee(
      Integer interpolationLimitMinutes, Double spikeThreshold, Integer flatLineIntervals) {
    static final Vee DEFAULT = new Vee(null, null, null);

    public Vee {
      interpolationLimitMinutes =
          positive("vee.interpolation_limit_minutes", interpolationLimitMinutes, 120);
      if (spikeThreshold != null && !(spikeThreshold > 0)) {
        throw new IllegalArgumentException(
            "vee.spike_threshold must be positive, got " + spikeThreshold);
      }
      flatLineIntervals =
          flatLineIntervals == null
              ? null
              : positive("vee.flat_line_intervals", flatLineIntervals, 0);
    }
  }

  /** The HTTPS API and dashboard. */
  public record Server(
      Integer port,
      String bind,
      String tlsCert,
      String tlsKey,
      Boolean plainHttp,
      List<String> corsOrigins) {
    static final Server DEFAULT = new Server(null, null, null, null, null, null);

    public Server {
      port = positive("server.port", port, 8443);
      if (port > 65535) {
        throw new IllegalArgumentException("server.port must be 1..65535, got " + port);
      }
      bind = bind == null ? "127.0.0.1" : bind;
      plainHttp = plainHttp != null && plainHttp;
      corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
      if ((tlsCert == null) != (tlsKey == null)) {
        throw new IllegalArgumentException(
            "server.tls_cert and server.tls_key go together: give both or neither");
      }
    }
  }

  static int positive(String field, Integer value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }

  static int atLeast(String field, Integer value, int min, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  /** The data directory as a path. */
  public Path dataPath() {
    return Path.of(dataDir);
  }
}
