package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loadlens serve} as its own process on the application's class path: the server starts with
 * every module's dependencies beside it (a library that another module pins to an older version
 * shows here, not in the server's own tests), serves the dashboard and the API over TLS with the
 * token it prints, and stops on SIGTERM.
 */
class ServeCommandTest {

  @Test
  void servesTheDashboardAndTheApiOverTlsWithThePrintedAdminToken(@TempDir Path dir)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = dir.resolve("serve.log");
    try (CliProcesses processes = new CliProcesses(dir)) {
      Process serve =
          processes.start(
              log, "serve", "--data", dir.resolve("data").toString(), "--port", "" + port);
      CliProcesses.awaitLine(serve, log, l -> l.equals("Press Ctrl-C to stop."));
      String out = Files.readString(log);
      assertThat(out).contains("Dashboard and API: https://").contains("TLS certificate SHA-256");
      String token =
          out.lines()
              .dropWhile(l -> !l.startsWith("An admin token"))
              .skip(1)
              .findFirst()
              .orElseThrow();

      HttpClient http = HttpClient.newBuilder().sslContext(trustingSelfSigned()).build();
      URI base = URI.create("https://127.0.0.1:" + port);
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(base.resolve("/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("loadlens");
      HttpResponse<String> meters =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/meters"))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(meters.statusCode()).as(meters.body()).isEqualTo(200);
      HttpResponse<String> anonymous =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/meters")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      CliProcesses.stopGracefully(serve);
    }
  }

  /** The server's certificate is self-signed on first start: this client trusts it unchecked. */
  private static SSLContext trustingSelfSigned() throws Exception {
    TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {any}, null);
    return ctx;
  }
}
