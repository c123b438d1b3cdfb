package io.loadlens.transport.mqtt;

import io.loadlens.transport.InvalidSettingsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to reach the MQTT broker. Built from a URL ({@code mqtt://host:1883} or {@code
 * mqtts://host:8883}) and then refined with the {@code with…} methods; every value is checked and
 * an error names the field.
 *
 * @param host broker host
 * @param port broker port (1883 plain, 8883 TLS by IANA registration)
 * @param tls whether to use TLS ({@code mqtts://})
 * @param caFile PEM file of the CA that signs the broker certificate; absent = the JDK trust store
 * @param certFile PEM client certificate chain for mutual TLS, with {@code keyFile}
 * @param keyFile PEM PKCS#8 private key ({@code BEGIN PRIVATE KEY}) of {@code certFile}
 * @param username optional user name
 * @param passwordFile file holding the password (first line); read at connect, never logged
 * @param version protocol version
 * @param qos 1 (at least once, default) or 2 (exactly once between client and broker)
 * @param clientId the MQTT client identifier; fixed per process so the session persists
 * @param sessionExpiry how long the broker keeps a disconnected session and its queued messages
 * @param keepAlive keep-alive interval
 * @param reconnectInitialDelay first reconnect delay (doubled up to {@code reconnectMaxDelay})
 * @param reconnectMaxDelay reconnect delay cap
 */
public record MqttSettings(
    String host,
    int port,
    boolean tls,
    Optional<Path> caFile,
    Optional<Path> certFile,
    Optional<Path> keyFile,
    Optional<String> username,
    Optional<Path> passwordFile,
    Version version,
    int qos,
    String clientId,
    Duration sessionExpiry,
    Duration keepAlive,
    Duration reconnectInitialDelay,
    Duration reconnectMaxDelay) {

  /** The protocol versions. */
  public enum Version {
    V5,
    V3_1_1
  }

  private static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFEL; // MQTT 5 §3.1.2.11.2

  public MqttSettings {
    if (host == null || host.isBlank()) {
      throw new InvalidSettingsException("mqtt.url: host is missing");
    }
    if (port < 1 || port > 65535) {
      throw new InvalidSettingsException("mqtt.url: port " + port + " is outside 1..65535");
    }
    Objects.requireNonNull(version, "mqtt.version");
    if (qos != 1 && qos != 2) {
      throw new InvalidSettingsException(
          "mqtt.qos: " + qos + " is not 1 or 2 (QoS 0 may lose readings)");
    }
    if (clientId == null || !clientId.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new InvalidSettingsException(
          "mqtt.clientId: '"
              + clientId
              + "' must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new InvalidSettingsException(
          certFile.isPresent()
              ? "mqtt.keyFile: required when mqtt.certFile is set"
              : "mqtt.certFile: required when mqtt.keyFile is set");
    }
    if (!tls && (caFile.isPresent() || certFile.isPresent())) {
      throw new InvalidSettingsException(
          "mqtt.url: "
              + host
              + ":"
              + port
              + " is plain mqtt:// but TLS files are set; use mqtts://");
    }
    readable("mqtt.caFile", caFile);
    readable("mqtt.certFile", certFile);
    readable("mqtt.keyFile", keyFile);
    readable("mqtt.passwordFile", passwordFile);
    if (passwordFile.isPresent() && username.isEmpty()) {
      throw new InvalidSettingsException("mqtt.username: required when mqtt.passwordFile is set");
    }
    if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > MAX_SESSION_EXPIRY_SECONDS) {
      throw new InvalidSettingsException(
          "mqtt.sessionExpiry: " + sessionExpiry + " outside 0..2^32-2 s");
    }
    if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65535) {
      throw new InvalidSettingsException("mqtt.keepAlive: " + keepAlive + " outside 1..65535 s");
    }
    if (reconnectInitialDelay.isNegative()
        || reconnectInitialDelay.isZero()
        || reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
      throw new InvalidSettingsException(
          "mqtt.reconnect: initial delay "
              + reconnectInitialDelay
              + " must be positive and not above the maximum "
              + reconnectMaxDelay);
    }
  }

  private static void readable(String field, Optional<Path> file) {
    if (file.isPresent() && !Files.isReadable(file.get())) {
      throw new InvalidSettingsException(
          field + ": " + file.get() + " does not exist or is not readable");
    }
  }

  /**
   * Parses {@code mqtt://host[:port]} or {@code mqtts://host[:port]} with defaults: MQTT 5, QoS 1,
   * session expiry 7 days, keep-alive 30 s, reconnect 0.5 s to 30 s.
   */
  public static MqttSettings fromUrl(String url, String clientId) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(url, "mqtt.url"));
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(
          "mqtt.url: '" + url + "' is not a URL: " + e.getMessage(), e);
    }
    boolean tls;
    if ("mqtt".equals(uri.getScheme())) {
      tls = false;
    } else if ("mqtts".equals(uri.getScheme())) {
      tls = true;
    } else {
      throw new InvalidSettingsException(
          "mqtt.url: scheme '" + uri.getScheme() + "' in '" + url + "' is not mqtt or mqtts");
    }
    if (uri.getHost() == null) {
      throw new InvalidSettingsException("mqtt.url: '" + url + "' has no host");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new InvalidSettingsException("mqtt.url: '" + url + "' must not have a path");
    }
    int port = uri.getPort() < 0 ? (tls ? 8883 : 1883) : uri.getPort();
    return new Draft(uri.getHost(), port, tls, clientId).build();
  }

  public MqttSettings withCaFile(Path ca) {
    return copy(d -> d.caFile = Optional.of(ca));
  }

  public MqttSettings withClientCertificate(Path cert, Path key) {
    return copy(
        d -> {
          d.certFile = Optional.of(cert);
          d.keyFile = Optional.of(key);
        });
  }

  public MqttSettings withCredentials(String user, Path passwordFile) {
    return copy(
        d -> {
          d.username = Optional.of(user);
          d.passwordFile = Optional.ofNullable(passwordFile);
        });
  }

  public MqttSettings withVersion(Version v) {
    return copy(d -> d.version = v);
  }

  public MqttSettings withQos(int q) {
    return copy(d -> d.qos = q);
  }

  public MqttSettings withClientId(String id) {
    return copy(d -> d.clientId = id);
  }

  public MqttSettings withSessionExpiry(Duration expiry) {
    return copy(d -> d.sessionExpiry = expiry);
  }

  public MqttSettings withReconnectDelays(Duration initial, Duration max) {
    return copy(
        d -> {
          d.reconnectInitialDelay = initial;
          d.reconnectMaxDelay = max;
        });
  }

  /** These settings with the change applied, checked again by the canonical constructor. */
  private MqttSettings copy(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** The components of a {@link MqttSettings}, to set some and build it (checked) again. */
  private static final class Draft {
    private final String host;
    private final int port;
    private final boolean tls;
    private Optional<Path> caFile = Optional.empty();
    private Optional<Path> certFile = Optional.empty();
    private Optional<Path> keyFile = Optional.empty();
    private Optional<String> username = Optional.empty();
    private Optional<Path> passwordFile = Optional.empty();
    private Version version = Version.V5;
    private int qos = 1;
    private String clientId;
    private Duration sessionExpiry = Duration.ofDays(7);
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration reconnectInitialDelay = Duration.ofMillis(500);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);

    /** The defaults of {@link MqttSettings#fromUrl}. */
    private Draft(String host, int port, boolean tls, String clientId) {
      this.host = host;
      this.port = port;
      this.tls = tls;
      this.clientId = clientId;
    }

    private Draft(MqttSettings s) {
      this(s.host, s.port, s.tls, s.clientId);
      caFile = s.caFile;
      certFile = s.certFile;
      keyFile = s.keyFile;
      username = s.username;
      passwordFile = s.passwordFile;
      version = s.version;
      qos = s.qos;
      sessionExpiry = s.sessionExpiry;
      keepAlive = s.keepAlive;
      reconnectInitialDelay = s.reconnectInitialDelay;
      reconnectMaxDelay = s.reconnectMaxDelay;
    }

    private MqttSettings build() {
      return new MqttSettings(
          host,
          port,
          tls,
          caFile,
          certFile,
          keyFile,
          username,
          passwordFile,
          version,
          qos,
          clientId,
          sessionExpiry,
          keepAlive,
          reconnectInitialDelay,
          reconnectMaxDelay);
    }
  }

  @Override
  public String toString() {
    return (tls ? "mqtts://" : "mqtt://")
        + host
        + ":"
        + port
        + " ("
        + version
        + ", QoS "
        + qos
        + ", client "
        + clientId
        + ")";
  }
}
