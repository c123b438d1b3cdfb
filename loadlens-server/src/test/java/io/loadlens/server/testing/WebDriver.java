package io.loadlens.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A minimal W3C WebDriver client for chromedriver, spoken over HTTP on loopback. */
public final class WebDriver implements AutoCloseable {

  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String session;

  public WebDriver(Path chromium, Path chromedriver, Path profileDir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    driver =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    base = URI.create("http://127.0.0.1:" + port);
    waitForDriver();
    Map<String, Object> caps =
        Map.of(
            "capabilities",
            Map.of(
                "alwaysMatch",
                Map.of(
                    "browserName",
                    "chrome",
                    "acceptInsecureCerts",
                    true,
                    "goog:loggingPrefs",
                    Map.of("browser", "ALL"),
                    "goog:chromeOptions",
                    Map.of(
                        "binary",
                        chromium.toString(),
                        "args",
                        List.of(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--no-first-run",
                            "--disable-dev-shm-usage",
                            "--user-data-dir=" + profileDir,
                            "--window-size=1400,1900")))));
    session = call("POST", "/session", caps).get("sessionId").asText();
  }

  private void waitForDriver() throws Exception {
    for (int i = 0; i < 100; i++) {
      try {
        http.send(
            HttpRequest.newBuilder(base.resolve("/status")).build(),
            HttpResponse.BodyHandlers.ofString());
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("chromedriver did not start on " + base);
  }

  private JsonNode call(String method, String path, Object body) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json");
    r.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode value = JSON.readTree(resp.body()).path("value");
    if (resp.statusCode() != 200) {
      throw new IllegalStateException(
          "WebDriver " + method + " " + path + " failed: " + resp.body());
    }
    return value;
  }

  private String s(String p) {
    return "/session/" + session + p;
  }

  public void open(String url) throws Exception {
    call("POST", s("/url"), Map.of("url", url));
  }

  public String find(String css) throws Exception {
    return call("POST", s("/element"), Map.of("using", "css selector", "value", css))
        .get(ELEMENT)
        .asText();
  }

  public void type(String css, String text) throws Exception {
    call("POST", s("/element/" + find(css) + "/value"), Map.of("text", text));
  }

  public void click(String css) throws Exception {
    call("POST", s("/element/" + find(css) + "/click"), Map.of());
  }

  public JsonNode script(String js) throws Exception {
    return call("POST", s("/execute/sync"), Map.of("script", js, "args", List.of()));
  }

  /** Polls the boolean script until it is true or the timeout passes; returns the last value. */
  public boolean await(String js, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (script(js).asBoolean()) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  public byte[] screenshot() throws Exception {
    return Base64.getDecoder().decode(call("GET", s("/screenshot"), null).asText());
  }

  /** Browser console entries (chromedriver's log endpoint), as {@code LEVEL message}. */
  public List<String> consoleLog() throws Exception {
    JsonNode entries = call("POST", s("/se/log"), Map.of("type", "browser"));
    return java.util.stream.StreamSupport.stream(entries.spliterator(), false)
        .map(e -> e.path("level").asText() + " " + e.path("message").asText())
        .toList();
  }

  @Override
  public void close() throws Exception {
    try {
      call("DELETE", "/session/" + session, null);
    } finally {
      driver.destroy();
      driver.waitFor();
    }
  }
}
