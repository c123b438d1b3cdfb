package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.server.auth.Role;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import io.loadlens.server.testing.WebDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the dashboard in headless Chromium (Debian's chromium and chromium-driver): signs in,
 * opens the fleet and consumer views over a year of 15-minute data, checks that the charts drew
 * pixels and that the console stayed free of errors, and saves screenshots to docs/img.
 */
class DashboardEndToEndTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Non-transparent pixels of the first canvas under the selector. */
  static String painted(String css) {
    return "const c=document.querySelector('"
        + css
        + " canvas'); if(!c||!c.width) return 0;"
        + "const d=c.getContext('2d').getImageData(0,0,c.width,c.height).data; let n=0;"
        + "for(let i=3;i<d.length;i+=4){if(d[i])n++;} return n;";
  }

  @Test
  void signsInAndRendersFleetAndConsumerViews(@TempDir Path dir, @TempDir Path profile)
      throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is absent (apt-get install chromium chromium-driver)");
    InMemoryStore store = new InMemoryStore();
    SampleData.fill(store, 3, 365);
    try (ApiServer server =
            ApiServer.start(
                ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"), store);
        WebDriver browser = new WebDriver(CHROMIUM, CHROMEDRIVER, profile)) {
      String token = server.tokens().create(Role.ANALYST, Set.of()).token();
      browser.open(server.baseUri() + "/");
      browser.type("#token", token);
      browser.click("#login-button");
      assertThat(
              browser.await(
                  "return document.getElementById('status').textContent==='fleet loaded'",
                  Duration.ofSeconds(60)))
          .as(
              "fleet view loaded; status: %s",
              browser.script("return document.getElementById('status').textContent").asText())
          .isTrue();
      assertThat(browser.script(painted("#fleet-aggregate")).asInt()).isGreaterThan(1000);
      assertThat(browser.script(painted("#fleet-segments")).asInt()).isGreaterThan(1000);
      assertThat(
              browser.script("return document.getElementById('fleet-cards').textContent").asText())
          .contains("meters");
      assertThat(
              browser
                  .script("return document.getElementById('fleet-failures').textContent")
                  .asText())
          .contains("0x01 HARDWARE_FAULT")
          .contains("0x05 AUTHENTICATION_FAILURE");
      save(browser.screenshot(), "dashboard-fleet.png");

      browser.script("location.hash='#consumer'; return true;");
      assertThat(
              browser.await(
                  "return document.getElementById('status').textContent==='MTR0001 loaded'",
                  Duration.ofSeconds(60)))
          .as(
              "consumer view loaded; status: %s",
              browser.script("return document.getElementById('status').textContent").asText())
          .isTrue();
      assertThat(browser.script(painted("#consumer-profile")).asInt()).isGreaterThan(1000);
      assertThat(browser.script(painted("#consumer-heatmap")).asInt()).isGreaterThan(10000);
      assertThat(browser.script(painted("#consumer-typical")).asInt()).isGreaterThan(1000);
      assertThat(
              browser
                  .script(
                      "return document.querySelector('#consumer-insights table[data-field=appliances]').textContent")
                  .asText())
          .contains("heat pump")
          .contains("winter-only");
      assertThat(
              browser
                  .script(
                      "return document.querySelector('#consumer-insights [data-field=extra]').textContent")
                  .asText())
          .contains("new field");
      save(browser.screenshot(), "dashboard-consumer.png");

      List<String> errors =
          browser.consoleLog().stream().filter(l -> l.startsWith("SEVERE")).toList();
      assertThat(errors).as("console errors").isEmpty();
    }
  }

  private static void save(byte[] png, String name) throws Exception {
    assertThat(png).hasSizeGreaterThan(10_000);
    Path docs = Path.of("..", "docs", "img");
    Path target = Files.isDirectory(docs.getParent()) ? docs : Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name), png);
  }
}
