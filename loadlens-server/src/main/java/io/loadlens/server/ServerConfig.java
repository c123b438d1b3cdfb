package io.loadlens.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the API server listens. Frozen at start; invalid values are rejected, never clamped.
 *
 * @param port TCP port (0 picks a free one, for tests); 8443 by default
 * @param bindAddress the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param dataDir where {@code tokens.json}, {@code audit.log} and a generated certificate live
 * @param tlsCertPem PEM certificate chain; with {@code tlsKeyPem}; empty for a self-signed
 *     certificate generated into {@code dataDir} on first start
 * @param tlsKeyPem PEM private key (PKCS#8, PKCS#1 or SEC1)
 * @param plainHttp serve plain HTTP (only behind a TLS-terminating reverse proxy)
 * @param corsOrigins origins allowed to call the API from a browser; empty (the default) turns CORS
 *     off
 * @param maxAuthFailures failed authentications from one address before it is banned
 * @param banSeconds how long a banned address is refused
 */
public record ServerConfig(
    int port,
    String bindAddress,
    Path dataDir,
    Optional<Path> tlsCertPem,
    Optional<Path> tlsKeyPem,
    boolean plainHttp,
    List<String> corsOrigins,
    int maxAuthFailures,
    int banSeconds) {

  public static final int DEFAULT_PORT = 8443;

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("server port must be 0..65535, got " + port);
    }
    if (bindAddress == null || bindAddress.isBlank()) {
      throw new IllegalArgumentException("server bind address is required");
    }
    Objects.requireNonNull(dataDir, "dataDir");
    tlsCertPem = tlsCertPem == null ? Optional.empty() : tlsCertPem;
    tlsKeyPem = tlsKeyPem == null ? Optional.empty() : tlsKeyPem;
    if (tlsCertPem.isPresent() != tlsKeyPem.isPresent()) {
      throw new IllegalArgumentException(
          "TLS certificate and key must be given together (cert "
              + tlsCertPem.orElse(null)
              + ", key "
              + tlsKeyPem.orElse(null)
              + ")");
    }
    corsOrigins = List.copyOf(corsOrigins == null ? List.of() : corsOrigins);
    for (String o : corsOrigins) {
      if (!o.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
        throw new IllegalArgumentException(
            "CORS origin '" + o + "' is invalid: use scheme://host[:port]");
      }
    }
    if (maxAuthFailures < 1) {
      throw new IllegalArgumentException("maxAuthFailures must be >= 1, got " + maxAuthFailures);
    }
    if (banSeconds < 1) {
      throw new IllegalArgumentException("banSeconds must be >= 1, got " + banSeconds);
    }
  }

  /** HTTPS on 8443, all interfaces, self-signed certificate, no CORS. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        DEFAULT_PORT,
        "0.0.0.0",
        dataDir,
        Optional.empty(),
        Optional.empty(),
        false,
        List.of(),
        10,
        900);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        p,
        bindAddress,
        dataDir,
        tlsCertPem,
        tlsKeyPem,
        plainHttp,
        corsOrigins,
        maxAuthFailures,
        banSeconds);
  }

  public ServerConfig withBindAddress(String a) {
    return new ServerConfig(
        port,
        a,
        dataDir,
        tlsCertPem,
        tlsKeyPem,
        plainHttp,
        corsOrigins,
        maxAuthFailures,
        banSeconds);
  }

  public ServerConfig withTls(Path certPem, Path keyPem) {
    return new ServerConfig(
        port,
        bindAddress,
        dataDir,
        Optional.of(certPem),
        Optional.of(keyPem),
        plainHttp,
        corsOrigins,
        maxAuthFailures,
        banSeconds);
  }

  public ServerConfig withPlainHttp(boolean plain) {
    return new ServerConfig(
        port,
        bindAddress,
        dataDir,
        tlsCertPem,
        tlsKeyPem,
        plain,
        corsOrigins,
        maxAuthFailures,
        banSeconds);
  }

  public ServerConfig withCorsOrigins(List<String> origins) {
    return new ServerConfig(
        port,
        bindAddress,
        dataDir,
        tlsCertPem,
        tlsKeyPem,
        plainHttp,
        origins,
        maxAuthFailures,
        banSeconds);
  }

  public ServerConfig withAuthLimits(int failures, int banSecs) {
    return new ServerConfig(
        port,
        bindAddress,
        dataDir,
        tlsCertPem,
        tlsKeyPem,
        plainHttp,
        corsOrigins,
        failures,
        banSecs);
  }
}
