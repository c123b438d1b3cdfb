package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadlens.server.auth.Role;
import io.loadlens.server.testing.CollectedFleet;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.WebDriver;
import io.loadlens.store.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the dashboard in headless Chromium (Debian's chromium and chromium-driver): signs in with
 * each role, opens the fleet, consumer and operations views over a year of 15-minute data as the
 * collector left it ({@link CollectedFleet}), checks the rendered meters, codes and events, that
 * the charts drew pixels and that the console stayed free of errors, and saves screenshots to
 * docs/img.
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

  /** The text of the first element under the selector, or null. */
  static String text(WebDriver browser, String css) throws Exception {
    return browser
        .script("const e=document.querySelector('" + css + "'); return e?e.textContent:null;")
        .asText(null);
  }

  /** The texts of the cells of each row under the selector. */
  static List<List<String>> rows(WebDriver browser, String css) throws Exception {
    JsonNode rows =
        browser.script(
            "return [...document.querySelectorAll('"
                + css
                + " tr')].filter(r=>r.querySelector('td'))"
                + ".map(r=>[...r.querySelectorAll('td')].map(c=>c.textContent));");
    List<List<String>> out = new ArrayList<>();
    rows.forEach(
        r -> out.add(StreamSupport.stream(r.spliterator(), false).map(JsonNode::asText).toList()));
    return out;
  }

  static boolean visible(WebDriver browser, String id) throws Exception {
    return browser
        .script(
            "const e=document.getElementById('"
                + id
                + "'); return !!e && !e.hidden && e.offsetParent!==null;")
        .asBoolean();
  }

  static void awaitStatus(WebDriver browser, String status) throws Exception {
    assertThat(
            browser.await(
                "return document.getElementById('status').textContent==='" + status + "'",
                Duration.ofSeconds(60)))
        .as("status '%s'; it is: %s", status, text(browser, "#status"))
        .isTrue();
  }

  static void signIn(WebDriver browser, String token) throws Exception {
    if (visible(browser, "logout")) {
      browser.click("#logout");
    }
    browser.script("document.getElementById('token').value=''; return true;");
    browser.type("#token", token);
    browser.click("#login-button");
    assertThat(
            browser.await("return !document.getElementById('nav').hidden", Duration.ofSeconds(30)))
        .as("signed in")
        .isTrue();
  }

  static void assumeChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is absent (apt-get install chromium chromium-driver)");
  }

  static ApiServer start(Path dir, Store store) {
    return ApiServer.start(
        ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"),
        store,
        CollectedFleet.CLOCK);
  }

  static List<String> consoleErrors(WebDriver browser) throws Exception {
    return browser.consoleLog().stream().filter(l -> l.startsWith("SEVERE")).toList();
  }

  @Test
  void signsInAndRendersFleetAndConsumerViews(@TempDir Path dir, @TempDir Path profile)
      throws Exception {
    assumeChromium();
    try (ApiServer server = start(dir, CollectedFleet.create());
        WebDriver browser = new WebDriver(CHROMIUM, CHROMEDRIVER, profile)) {
      String token = server.tokens().create(Role.ANALYST, Set.of()).token();
      browser.open(server.baseUri() + "/");
      signIn(browser, token);
      awaitStatus(browser, "fleet loaded");
      assertThat(visible(browser, "nav-operations"))
          .as("analysts have no operations view")
          .isFalse();
      assertThat(browser.script(painted("#fleet-aggregate")).asInt()).isGreaterThan(1000);
      assertThat(browser.script(painted("#fleet-segments")).asInt()).isGreaterThan(1000);
      assertThat(browser.script(painted("#fleet-routines")).asInt()).isGreaterThan(1000);
      // A long list in a document (a segment's members) is folded to its size and first items.
      assertThat(
              browser
                  .script(
                      "const d = document.createElement('div'); document.body.appendChild(d);"
                          + " LL.renderDocument(d, {segments: [{label: 'x', members:"
                          + " [...Array(20).keys()].map(i => 'M' + i)}], ids: ['A', 'B']});"
                          + " const r = [d.querySelector('details summary').textContent,"
                          + " d.querySelectorAll('details').length, d.textContent.includes(JSON.stringify(['A', 'B']))];"
                          + " d.remove(); return r.join('|');")
                  .asText())
          .isEqualTo("20: M0, M1, M2, …|1|true");
      assertThat(text(browser, "#fleet-cards")).contains("meters");
      assertThat(text(browser, "#fleet-failures"))
          .contains("0x01 HARDWARE_FAULT")
          .contains("0x05 AUTHENTICATION_FAILURE");
      save(browser.screenshot(), "dashboard-fleet.png");

      browser.script("location.hash='#consumer'; return true;");
      awaitStatus(browser, "MTR0001 loaded");
      assertThat(browser.script(painted("#consumer-profile")).asInt()).isGreaterThan(1000);
      assertThat(browser.script(painted("#consumer-heatmap")).asInt()).isGreaterThan(10000);
      assertThat(browser.script(painted("#consumer-typical")).asInt()).isGreaterThan(1000);
      assertThat(text(browser, "#consumer-insights table[data-field=appliances]"))
          .contains("heat pump")
          .contains("winter-only");
      assertThat(text(browser, "#consumer-insights [data-field=extra]")).contains("new field");
      assertThat(text(browser, "#consumer-cards"))
          .contains("segment (2 of 3 consumers)")
          .contains("evening peakers, out 08:00–18:00 on weekdays");
      List<List<String>> events = rows(browser, "#consumer-events");
      assertThat(events).as("MTR0001's events, newest first").hasSize(6);
      assertThat(events.get(0))
          .containsExactly("READ_FAILURE", "2024-12-30 02:00 UTC", "", "0x05", "GMAC tag mismatch");
      assertThat(events.get(2))
          .containsExactly(
              "GAP",
              "2024-09-01 00:00 UTC",
              "2024-09-01 06:00 UTC",
              "0x09",
              "24 intervals missing");
      assertThat(events.get(3)).startsWith("OUTAGE", "2024-06-10 08:00 UTC");
      assertThat(
              browser
                  .script(
                      "return document.getElementById('consumer-profile').getAttribute('data-bands')")
                  .asText())
          .as("the two gaps and the outage inside the plotted year are shaded")
          .isEqualTo("3");
      save(browser.screenshot(), "dashboard-consumer.png");
      assertThat(consoleErrors(browser)).as("console errors").isEmpty();
    }
  }

  @Test
  void operatorSeesStaleAndFailingMetersAndErrorCodesAndOpensAMetersEvents(
      @TempDir Path dir, @TempDir Path profile) throws Exception {
    assumeChromium();
    try (ApiServer server = start(dir, CollectedFleet.create());
        WebDriver browser = new WebDriver(CHROMIUM, CHROMEDRIVER, profile)) {
      browser.open(server.baseUri() + "/");
      signIn(browser, server.tokens().create(Role.OPERATOR, Set.of()).token());
      awaitStatus(browser, "fleet loaded");
      assertThat(visible(browser, "nav-operations")).isTrue();
      browser.click("#nav-operations");
      awaitStatus(browser, "operations loaded");

      JsonNode cards =
          browser.script(
              "return [...document.querySelectorAll('#ops-cards .card')].map(c=>c.textContent);");
      assertThat(StreamSupport.stream(cards.spliterator(), false).map(JsonNode::asText))
          .containsExactly(
              "5meters known", "3read recently", "2stale (1 never read)", "1failing (last 24 h)");
      assertThat(rows(browser, "#ops-meters"))
          .containsExactly(
              List.of(
                  "MTR0002",
                  "failing",
                  "2024-12-30 23:45 UTC",
                  "0x01",
                  "2024-12-31 01:00 UTC",
                  "critical error status (ERR) in 1-0:99.1.0.255",
                  "events →"),
              List.of(
                  "MTR0004",
                  "stale",
                  "2024-12-19 23:45 UTC",
                  "TIMEOUT",
                  "2024-12-29 02:00 UTC",
                  "no answer within 30 s (after 3 attempts)",
                  "events →"),
              List.of("MTR0005", "never read", "never", "", "", "", "events →"));
      List<List<String>> codes = rows(browser, "#ops-codes");
      assertThat(codes.stream().map(r -> r.get(0)))
          .containsExactly("0x01", "0x05", "0x09", "TIMEOUT");
      assertThat(codes.get(0))
          .containsExactly("0x01", "HARDWARE_FAULT", " 4", "3", "2024-12-31 01:00 UTC");
      assertThat(codes.get(3)).startsWith("TIMEOUT", "TIMEOUT", " 1", "1");
      List<List<String>> recent = rows(browser, "#ops-recent");
      assertThat(recent).hasSize(10);
      assertThat(recent.get(0))
          .startsWith("2024-12-31 01:00 UTC", "MTR0002", "HARDWARE_FAULT", "0x01");
      assertThat(recent.get(1)).startsWith("2024-12-30 12:00 UTC", "MTR0003", "GAP", "0x09");
      save(browser.screenshot(), "dashboard-operations.png");

      browser.click("#ops-meters tr[data-meter=MTR0004] a");
      awaitStatus(browser, "MTR0004 loaded");
      assertThat(browser.script("return document.getElementById('meter-select').value").asText())
          .isEqualTo("MTR0004");
      assertThat(browser.script("return location.hash").asText()).isEqualTo("#consumer/MTR0004");
      assertThat(rows(browser, "#consumer-events"))
          .containsExactly(
              List.of(
                  "READ_FAILURE",
                  "2024-12-29 02:00 UTC",
                  "2024-12-29 02:03 UTC",
                  "TIMEOUT",
                  "no answer within 30 s (after 3 attempts)"),
              List.of(
                  "READ_FAILURE",
                  "2024-12-28 02:00 UTC",
                  "2024-12-28 02:01 UTC",
                  "0x05",
                  "association rejected: authentication failure (after 1 attempts)"));
      assertThat(browser.script(painted("#consumer-profile")).asInt()).isGreaterThan(1000);

      browser.click("#nav-operations");
      awaitStatus(browser, "operations loaded");
      browser.click("#ops-recent a[data-meter=MTR0003]");
      awaitStatus(browser, "MTR0003 loaded");
      assertThat(rows(browser, "#consumer-events").get(0))
          .startsWith("GAP", "2024-12-30 12:00 UTC");
      browser.script("location.hash='#consumer/MTR0005'; return true;");
      awaitStatus(browser, "no readings for MTR0005");
      assertThat(text(browser, "#consumer-events")).isEqualTo("no events recorded for MTR0005");
      assertThat(text(browser, "#consumer-profile")).isEqualTo("no readings for MTR0005");
      assertThat(consoleErrors(browser)).as("console errors").isEmpty();

      signIn(browser, server.tokens().create(Role.CONSUMER, Set.of(CollectedFleet.STALE)).token());
      awaitStatus(browser, "MTR0004 loaded");
      assertThat(visible(browser, "nav-operations"))
          .as("consumers have no operations view")
          .isFalse();
      assertThat(visible(browser, "nav-fleet")).isFalse();
      assertThat(
              browser
                  .script(
                      "return [...document.querySelectorAll('#meter-select option')].map(o=>o.value).join()")
                  .asText())
          .isEqualTo("MTR0004");
      browser.script("location.hash='#operations'; return true;");
      awaitStatus(browser, "MTR0004 loaded");
      assertThat(visible(browser, "operations")).isFalse();
      assertThat(visible(browser, "consumer")).isTrue();
      assertThat(rows(browser, "#consumer-events")).hasSize(2);
    }
  }

  @Test
  void operationsViewSaysWhatIsEmptyOrUnavailableInsteadOfGoingBlank(
      @TempDir Path dir, @TempDir Path profile) throws Exception {
    assumeChromium();
    AtomicBoolean broken = new AtomicBoolean();
    InMemoryStore empty = new InMemoryStore();
    Store store =
        (Store)
            Proxy.newProxyInstance(
                Store.class.getClassLoader(),
                new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                  if (broken.get()
                      && Set.of("events", "recentErrors", "latestEvents", "eventCounts")
                          .contains(method.getName())) {
                    throw new IllegalStateException("events table is unreadable");
                  }
                  try {
                    return method.invoke(empty, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try (ApiServer server = start(dir, store);
        WebDriver browser = new WebDriver(CHROMIUM, CHROMEDRIVER, profile)) {
      browser.open(server.baseUri() + "/#operations");
      signIn(browser, server.tokens().create(Role.ADMIN, Set.of()).token());
      awaitStatus(browser, "operations loaded");
      assertThat(text(browser, "#ops-cards")).contains("0meters known").contains("0failing");
      assertThat(text(browser, "#ops-meters")).isEqualTo("no stale or failing meters");
      assertThat(text(browser, "#ops-codes")).isEqualTo("no read errors in the last 7 days");
      assertThat(text(browser, "#ops-recent")).isEqualTo("no read errors in the last 7 days");

      broken.set(true);
      browser.script("location.hash='#fleet'; return true;");
      assertThat(
              browser.await(
                  "return document.getElementById('status').textContent.startsWith('Error')",
                  Duration.ofSeconds(30)))
          .as("the fleet view fails too")
          .isTrue();
      browser.script("location.hash='#operations'; return true;");
      awaitStatus(browser, "operations loaded with errors");
      assertThat(text(browser, "#ops-cards"))
          .isEqualTo("collector status could not be loaded: the server failed; see its log");
      assertThat(text(browser, "#ops-meters")).contains("unavailable");
      assertThat(text(browser, "#ops-codes")).startsWith("read errors could not be loaded: ");
      assertThat(text(browser, "#ops-recent")).contains("unavailable");
      assertThat(
              browser
                  .script("return document.querySelectorAll('#operations .error').length")
                  .asInt())
          .isEqualTo(4);
      assertThat(consoleErrors(browser))
          .as("only the failed requests, no script errors")
          .allMatch(l -> l.contains("500"));
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
