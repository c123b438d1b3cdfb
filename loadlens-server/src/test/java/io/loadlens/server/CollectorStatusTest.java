package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import io.loadlens.server.auth.Role;
import io.loadlens.server.testing.CollectedFleet;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.TestClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operations view reads: stale, never-read and failing meters with their last error,
 * errors by operator code, and a meter's events newest first, over {@link CollectedFleet}.
 */
class CollectorStatusTest {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static ApiServer server;
  static TestClient client;
  static String operator, consumer;

  @BeforeAll
  static void start() throws Exception {
    server =
        ApiServer.start(
            ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"),
            CollectedFleet.create(),
            CollectedFleet.CLOCK);
    client = new TestClient(server.baseUri(), dir);
    operator = server.tokens().create(Role.OPERATOR, Set.of()).token();
    consumer = server.tokens().create(Role.CONSUMER, Set.of(CollectedFleet.STALE)).token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode get(String path, String token) throws Exception {
    var r = client.get(path, token);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText(null)));
    return out;
  }

  @Test
  void statusCountsStaleNeverReadAndFailingMeters() throws Exception {
    JsonNode s = get("/api/v1/collector/status", operator);
    assertThat(s.get("meters").asInt()).isEqualTo(5);
    assertThat(s.get("readRecently").asInt()).isEqualTo(3);
    assertThat(s.get("stale").asInt()).isEqualTo(2);
    assertThat(s.get("neverRead").asInt()).isEqualTo(1);
    assertThat(s.get("failing").asInt()).isEqualTo(1);
    assertThat(texts(s.get("staleMeters"), "meter")).containsExactly("MTR0004", "MTR0005");
    assertThat(texts(s.get("failingMeters"), "meter")).containsExactly("MTR0002");
  }

  @Test
  void aFailureBehindMoreNewerFindingsThanAnEventListHoldsIsStillCountedAndListed(@TempDir Path own)
      throws Exception {
    // VEE writes a finding per gap: a large fleet can write more of them in a day than any list of
    // events holds. The failing meters must come from the failures themselves, not from such a
    // list.
    InMemoryStore store = CollectedFleet.create();
    Instant now = CollectedFleet.CLOCK.instant();
    List<MeterEvent> findings = new ArrayList<>();
    for (int i = 0; i < 120_000; i++) {
      Instant t = now.minusMillis(i + 1);
      findings.add(
          new MeterEvent(
              MeterId.of("MTR0003"),
              MeterEvent.Kind.GAP,
              t,
              t,
              OperatorCode.PROFILE_ENTRY_MISSING,
              ""));
    }
    store.recordEvents(findings);
    try (ApiServer own1 =
        ApiServer.start(
            ServerConfig.defaults(own).withPort(0).withBindAddress("127.0.0.1"),
            store,
            CollectedFleet.CLOCK)) {
      TestClient c = new TestClient(own1.baseUri(), own);
      String token = own1.tokens().create(Role.OPERATOR, Set.of()).token();
      var r = c.get("/api/v1/collector/status", token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode s = JSON.readTree(r.body());
      assertThat(s.get("failing").asInt()).isEqualTo(1);
      assertThat(texts(s.get("failingMeters"), "meter")).containsExactly("MTR0002");
      assertThat(s.get("failingMeters").get(0).get("lastError").get("code").asText())
          .isEqualTo("0x01");
    }
  }

  @Test
  void eachListedMeterNamesItsNewestReadFailureOrHardwareFault() throws Exception {
    JsonNode s = get("/api/v1/collector/status", operator);
    JsonNode stale = s.get("staleMeters");
    assertThat(stale.get(0).get("lastCapture").asText()).isEqualTo("2024-12-19T23:45:00Z");
    assertThat(stale.get(0).get("lastError").get("code").asText()).isEqualTo("TIMEOUT");
    assertThat(stale.get(0).get("lastError").get("detail").asText())
        .isEqualTo("no answer within 30 s (after 3 attempts)");
    assertThat(stale.get(1).get("lastCapture").isNull()).isTrue();
    assertThat(stale.get(1).get("lastError").isNull()).isTrue();
    JsonNode failing = s.get("failingMeters").get(0);
    assertThat(failing.get("lastCapture").asText()).isEqualTo("2024-12-30T23:45:00Z");
    assertThat(failing.get("lastError").get("code").asText()).isEqualTo("0x01");
    assertThat(failing.get("lastError").get("kind").asText()).isEqualTo("HARDWARE_FAULT");
    assertThat(failing.get("lastError").get("start").asText()).isEqualTo("2024-12-31T01:00:00Z");
  }

  @Test
  void aShorterStaleAfterMakesEveryMeterStale() throws Exception {
    JsonNode s = get("/api/v1/collector/status?staleAfter=PT1H", operator);
    assertThat(s.get("stale").asInt()).isEqualTo(5);
    assertThat(s.get("readRecently").asInt()).isZero();
  }

  @Test
  void errorsAreCountedByCodeOverTheLastSevenDaysAndListedNewestFirst() throws Exception {
    JsonNode e = get("/api/v1/collector/errors?limit=3", operator);
    assertThat(e.get("from").asText()).isEqualTo("2024-12-24T06:00:00Z");
    JsonNode byCode = e.get("byCode");
    assertThat(texts(byCode, "code")).containsExactly("0x01", "0x05", "0x09", "TIMEOUT");
    assertThat(texts(byCode, "count")).containsExactly("4", "4", "1", "1");
    assertThat(byCode.get(0).get("meterCount").asInt()).isEqualTo(3);
    assertThat(byCode.get(0).get("name").asText()).isEqualTo("HARDWARE_FAULT");
    assertThat(byCode.get(0).get("lastAt").asText()).isEqualTo("2024-12-31T01:00:00Z");
    assertThat(texts(e.get("recent"), "meter")).containsExactly("MTR0002", "MTR0003", "MTR0001");
    assertThat(texts(e.get("recent"), "code")).containsExactly("0x01", "0x09", "0x05");
  }

  @Test
  void jsonRpcAnswersTheSameStatus() throws Exception {
    JsonNode r =
        JSON.readTree(
            client
                .send(
                    "POST",
                    "/rpc",
                    operator,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"collector.status\","
                        + "\"params\":{\"staleAfter\":\"P2D\"}}")
                .body());
    assertThat(r.get("result").get("failing").asInt()).isEqualTo(1);
    assertThat(texts(r.get("result").get("staleMeters"), "meter"))
        .containsExactly("MTR0004", "MTR0005");
  }

  @Test
  void aMetersEventsComeNewestFirstWhenAsked() throws Exception {
    JsonNode desc = get("/api/v1/meters/MTR0004/events?order=desc", consumer);
    assertThat(texts(desc.get("items"), "code")).containsExactly("TIMEOUT", "0x05");
    JsonNode asc = get("/api/v1/meters/MTR0004/events", consumer);
    assertThat(texts(asc.get("items"), "code")).containsExactly("0x05", "TIMEOUT");
    JsonNode page = get("/api/v1/meters/MTR0001/events?order=DESC&offset=1&limit=2", operator);
    assertThat(page.get("total").asInt()).isEqualTo(6);
    assertThat(texts(page.get("items"), "start"))
        .containsExactly("2024-12-30T00:00:00Z", "2024-09-01T00:00:00Z");
  }
}
