package io.loadlens.server.testing;

import io.loadlens.server.tls.TlsMaterial;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An HTTPS client that trusts only the test server's generated certificate. */
public final class TestClient {

  private final HttpClient http;
  private final URI base;

  public TestClient(URI base, Path dataDir) throws Exception {
    this.base = base;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (base.getScheme().equals("https")) {
      b.sslContext(trusting(dataDir.resolve(TlsMaterial.SELF_SIGNED_CERT)));
    }
    this.http = b.build();
  }

  public static SSLContext trusting(Path certPem) throws Exception {
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    try (InputStream in = Files.newInputStream(certPem)) {
      ts.setCertificateEntry(
          "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  public HttpResponse<String> get(String path, String token, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      r.headers(headers);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path, String token, String... headers)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      r.headers(headers);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }
}
