package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.server.auth.AuthThrottle;
import io.loadlens.server.auth.Role;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import io.loadlens.server.testing.TestClient;
import io.loadlens.server.tls.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthHardeningTest {

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2024-06-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void addressIsBannedAfterRepeatedFailuresAndFreedAfterTheBan() {
    MutableClock clock = new MutableClock();
    AuthThrottle t = new AuthThrottle(3, Duration.ofMinutes(15), clock);
    assertThat(t.failure("10.0.0.1")).isFalse();
    assertThat(t.failure("10.0.0.1")).isFalse();
    assertThat(t.failure("10.0.0.1")).isTrue();
    assertThat(t.bannedUntil("10.0.0.1")).hasValue(clock.now.plus(Duration.ofMinutes(15)));
    assertThat(t.bannedUntil("10.0.0.2")).isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    assertThat(t.bannedUntil("10.0.0.1")).isEmpty();
    assertThat(t.failure("10.0.0.1")).isFalse();
  }

  @Test
  void serverRefusesEvenValidTokensFromABannedAddress(@TempDir Path dir) throws Exception {
    InMemoryStore store = new InMemoryStore();
    SampleData.fill(store, 1, 1);
    try (ApiServer s =
        ApiServer.start(
            ServerConfig.defaults(dir)
                .withPort(0)
                .withBindAddress("127.0.0.1")
                .withAuthLimits(3, 60),
            store)) {
      TestClient c = new TestClient(s.baseUri(), dir);
      String good = s.tokens().create(Role.ANALYST, Set.of()).token();
      for (int i = 0; i < 3; i++) {
        assertThat(c.get("/api/v1/meters", "llt_bad.bad").statusCode()).isEqualTo(401);
      }
      var r = c.get("/api/v1/meters", good);
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(Files.readString(dir.resolve("audit.log")))
          .contains("denied+banned")
          .contains("\"outcome\":\"banned\"");
    }
  }

  @Test
  void selfSignedCertificateIsGeneratedOnceAndServedOverTls13(@TempDir Path dir) throws Exception {
    InMemoryStore store = new InMemoryStore();
    try (ApiServer s =
        ApiServer.start(
            ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"), store)) {
      assertThat(dir.resolve(TlsMaterial.SELF_SIGNED_KEY)).exists();
      assertThat(s.tlsFingerprint().orElseThrow()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
      var ctx = TestClient.trusting(dir.resolve(TlsMaterial.SELF_SIGNED_CERT));
      try (SSLSocket sock =
          (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", s.port())) {
        sock.startHandshake();
        assertThat(sock.getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(
                TlsMaterial.fingerprint(
                    (java.security.cert.X509Certificate)
                        sock.getSession().getPeerCertificates()[0]))
            .isEqualTo(s.tlsFingerprint().orElseThrow());
      }
      try (SSLSocket v12 = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", s.port())) {
        v12.setEnabledProtocols(new String[] {"TLSv1.2"});
        v12.startHandshake();
        assertThat(v12.getSession().getProtocol()).isEqualTo("TLSv1.2");
      }
      String fp = s.tlsFingerprint().orElseThrow();
      s.close();
      try (ApiServer again =
          ApiServer.start(
              ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"), store)) {
        assertThat(again.tlsFingerprint()).hasValue(fp);
      }
    }
  }

  @Test
  void configuredPemCertificateIsUsed(@TempDir Path dir, @TempDir Path certDir) throws Exception {
    TlsMaterial.Loaded made =
        TlsMaterial.selfSigned(certDir, java.util.List.of(), Clock.systemUTC());
    ServerConfig cfg =
        ServerConfig.defaults(dir)
            .withPort(0)
            .withBindAddress("127.0.0.1")
            .withTls(
                certDir.resolve(TlsMaterial.SELF_SIGNED_CERT),
                certDir.resolve(TlsMaterial.SELF_SIGNED_KEY));
    try (ApiServer s = ApiServer.start(cfg, new InMemoryStore())) {
      assertThat(s.tlsFingerprint()).hasValue(made.material().fingerprint());
      assertThat(dir.resolve(TlsMaterial.SELF_SIGNED_CERT)).doesNotExist();
    }
  }

  @Test
  void plainHttpOnlyWhenAskedAndCorsOnlyForListedOrigins(@TempDir Path dir) throws Exception {
    ServerConfig cfg =
        ServerConfig.defaults(dir)
            .withPort(0)
            .withBindAddress("127.0.0.1")
            .withPlainHttp(true)
            .withCorsOrigins(java.util.List.of("https://portal.example"));
    try (ApiServer s = ApiServer.start(cfg, new InMemoryStore())) {
      assertThat(s.baseUri().getScheme()).isEqualTo("http");
      TestClient c = new TestClient(s.baseUri(), dir);
      String t = s.tokens().create(Role.ANALYST, Set.of()).token();
      var r = c.get("/api/v1/meters", t, "Origin", "https://portal.example");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://portal.example");
      var other = c.get("/api/v1/meters", t, "Origin", "https://evil.example");
      assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void invalidConfigurationIsRejectedNamingTheValue(@TempDir Path dir) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ServerConfig.defaults(dir).withPort(70000))
        .hasMessageContaining("70000");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ServerConfig.defaults(dir).withCorsOrigins(java.util.List.of("*")))
        .hasMessageContaining("'*'");
  }
}
