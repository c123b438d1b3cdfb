package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import io.loadlens.model.MeterId;
import io.loadlens.server.auth.Role;
import io.loadlens.server.http.JsonRpcEndpoint;
import io.loadlens.server.http.RestRoutes;
import io.loadlens.server.http.RestRoutes.Route;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import io.loadlens.server.testing.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every REST route and JSON-RPC method, driven from {@link RestRoutes#ROUTES}: authentication
 * failures, role and meter scoping, and hostile or malformed input. A route added without a line in
 * {@link #LEAST_ROLE} fails {@link #everyRouteHasAnExpectedLeastRole}.
 */
class EveryEndpointTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The least role of every operation, as docs/API.md states it. */
  static final Map<String, Role> LEAST_ROLE =
      Map.ofEntries(
          Map.entry("me", Role.CONSUMER),
          Map.entry("meters.list", Role.CONSUMER),
          Map.entry("meters.topology", Role.ANALYST),
          Map.entry("meters.get", Role.CONSUMER),
          Map.entry("readings.get", Role.CONSUMER),
          Map.entry("export.csv", Role.CONSUMER),
          Map.entry("export.values", Role.CONSUMER),
          Map.entry("events.list", Role.CONSUMER),
          Map.entry("vee.summary", Role.CONSUMER),
          Map.entry("conflicts.list", Role.ANALYST),
          Map.entry("edits.list", Role.CONSUMER),
          Map.entry("edits.create", Role.OPERATOR),
          Map.entry("insights.list", Role.CONSUMER),
          Map.entry("insights.get", Role.CONSUMER),
          Map.entry("fleet.overview", Role.ANALYST),
          Map.entry("fleet.aggregate", Role.ANALYST),
          Map.entry("fleet.segments", Role.ANALYST),
          Map.entry("fleet.forecast", Role.ANALYST),
          Map.entry("fleet.insights", Role.ANALYST),
          Map.entry("collector.status", Role.OPERATOR),
          Map.entry("collector.errors", Role.OPERATOR),
          Map.entry("tokens.list", Role.ADMIN),
          Map.entry("tokens.create", Role.ADMIN),
          Map.entry("tokens.revoke", Role.ADMIN));

  @TempDir static Path dir;
  static ApiServer server;
  static TestClient client;
  static InMemoryStore store;
  static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

  @BeforeAll
  static void start() throws Exception {
    store = new InMemoryStore();
    List<MeterId> ids = SampleData.fill(store, 2, 3);
    ServerConfig cfg =
        ServerConfig.defaults(dir)
            .withPort(0)
            .withBindAddress("127.0.0.1")
            .withAuthLimits(100_000, 1);
    server = ApiServer.start(cfg, store);
    client = new TestClient(server.baseUri(), dir);
    for (Role r : Role.values()) {
      Set<MeterId> scope = r == Role.CONSUMER ? Set.of(ids.get(0)) : Set.of();
      TOKENS.put(r, server.tokens().create(r, scope).token());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A route's path with its parameters filled in: the consumer's own meter unless told. */
  static String path(Route r, String meter) {
    return r.path()
        .replace("{meter}", meter)
        .replace("{kind}", "consumer")
        .replace("{id}", "0123456789ab");
  }

  /** A body each POST accepts. */
  static String body(Route r) {
    return r.operation().equals("edits.create")
        ? "{\"timestamp\":\"2024-01-01T12:00:00Z\",\"value\":1.5,\"reason\":\"meter swap\"}"
        : r.operation().equals("tokens.create") ? "{\"role\":\"analyst\"}" : null;
  }

  static HttpResponse<String> call(Route r, String meter, String token) throws Exception {
    return r.method() == HandlerType.GET
        ? client.get(path(r, meter), token)
        : client.send(r.method().name(), path(r, meter), token, body(r));
  }

  static boolean isProblem(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
  }

  @Test
  void everyRouteHasAnExpectedLeastRole() {
    Set<String> routed =
        RestRoutes.ROUTES.stream().map(Route::operation).collect(Collectors.toSet());
    assertThat(routed).isEqualTo(LEAST_ROLE.keySet());
  }

  @Test
  void everyRouteAnswersAMissingForgedOrMalformedToken401() throws Exception {
    String analyst = TOKENS.get(Role.ANALYST);
    String forged = analyst.substring(0, analyst.indexOf('.') + 1) + "A".repeat(43);
    for (Route r : RestRoutes.ROUTES) {
      for (String token : new String[] {null, forged, "llt_", "not-a-token", "x".repeat(300)}) {
        HttpResponse<String> resp = call(r, "MTR0001", token);
        assertThat(resp.statusCode()).as(r + " with " + token).isEqualTo(401);
        assertThat(isProblem(resp)).as(r.toString()).isTrue();
        assertThat(resp.headers().firstValue("WWW-Authenticate")).isPresent();
      }
    }
    assertThat(client.send("POST", "/rpc", null, "{}").statusCode()).isEqualTo(401);
    assertThat(client.get("/metrics", forged).statusCode()).isEqualTo(401);
  }

  @Test
  void everyRouteRefusesTheRoleBelowItsLeastRoleWith403AndAdmitsItsLeastRole() throws Exception {
    for (Route r : RestRoutes.ROUTES) {
      Role least = LEAST_ROLE.get(r.operation());
      if (least.ordinal() > 0) {
        Role below = Role.values()[least.ordinal() - 1];
        HttpResponse<String> refused = call(r, "MTR0001", TOKENS.get(below));
        assertThat(refused.statusCode()).as(r + " as " + below).isEqualTo(403);
        assertThat(isProblem(refused)).isTrue();
      }
      if (reachesTheStoreExporter(r)) {
        continue;
      }
      HttpResponse<String> admitted = call(r, "MTR0001", TOKENS.get(least));
      assertThat(admitted.statusCode()).as(r + " as " + least).isNotIn(401, 403).isLessThan(500);
    }
  }

  @Test
  void consumerAskingForAnotherMeterIsRefusedOnEveryMeterRoute() throws Exception {
    String consumer = TOKENS.get(Role.CONSUMER);
    for (Route r : RestRoutes.ROUTES) {
      if (!r.path().contains("{meter}")) {
        continue;
      }
      int expected = LEAST_ROLE.get(r.operation()) == Role.CONSUMER ? 404 : 403;
      HttpResponse<String> other = call(r, "MTR0002", consumer);
      assertThat(other.statusCode()).as(r.toString()).isEqualTo(expected);
      assertThat(other.body()).as(r.toString()).doesNotContain("Brussels").doesNotContain("north");
      HttpResponse<String> unknown = call(r, "NO-SUCH-METER", consumer);
      assertThat(unknown.statusCode()).as(r + " unknown meter").isEqualTo(expected);
    }
  }

  @Test
  void consumerAskingForAnotherMeterOverJsonRpcGetsNotFoundOrForbiddenForEveryMethod()
      throws Exception {
    String consumer = TOKENS.get(Role.CONSUMER);
    for (Route r : RestRoutes.ROUTES) {
      if (!r.path().contains("{meter}") || r.operation().equals("export.values")) {
        continue;
      }
      String req =
          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\""
              + r.operation()
              + "\",\"params\":{\"meter\":\"MTR0002\",\"kind\":\"consumer\","
              + "\"timestamp\":\"2024-01-01T12:00:00Z\",\"value\":1,\"reason\":\"x\"}}";
      JsonNode answer = JSON.readTree(client.send("POST", "/rpc", consumer, req).body());
      int expected = LEAST_ROLE.get(r.operation()) == Role.CONSUMER ? -32004 : -32003;
      assertThat(answer.path("error").path("code").asInt()).as(r.operation()).isEqualTo(expected);
      assertThat(answer.has("result")).isFalse();
    }
  }

  /** Query strings an attacker or a broken client sends; none may cause a server error. */
  static final List<String> HOSTILE =
      List.of(
          "from=2024-01-01'%3B%20DROP%20TABLE%20raw_data%3B--",
          "meter=MTR0002",
          "q=%27%20OR%201%3D1%20--",
          "from=%00&to=%00",
          "from=2024-02-30",
          "from=2024-13-01",
          "from=-999999999-01-01T00:00:00Z&to=-999999999-01-02T00:00:00Z",
          "from=+1000000000-12-31T23:59:59Z",
          "from=1969-12-31&to=1970-01-02",
          "from=2000-01-01&to=2030-01-01",
          "to=2024-01-01&from=2024-06-01",
          "limit=-1",
          "limit=99999999999999999999",
          "limit=abc&offset=-5",
          "resolution=PT0S",
          "resolution=P1000Y",
          "resolution=-PT15M",
          "bucket=PT1S",
          "staleAfter=P-1D",
          "aggregation=drop",
          "source=%3Cscript%3E",
          "obis=1-0%3A1.29.0.255%0A",
          "obis=" + "9".repeat(200),
          "kind=..%2F..%2Fetc%2Fpasswd",
          "format=..%2F..%2Fx",
          "estimated=maybe",
          "q=" + "x".repeat(4000),
          "from=2024-01-01&from=1900-01-01");

  /** The in-memory store cannot export; ExportEndpointTest covers the export with DuckDB. */
  static boolean reachesTheStoreExporter(Route r) {
    return r.operation().equals("export.values");
  }

  @Test
  void hostileQueryStringsNeverCauseAServerErrorAndErrorsAreProblemDetails() throws Exception {
    String admin = TOKENS.get(Role.ADMIN);
    int before = store.meters().size();
    for (Route r : RestRoutes.ROUTES) {
      if (reachesTheStoreExporter(r)) {
        continue;
      }
      for (String q : HOSTILE) {
        String p = path(r, "MTR0001") + "?" + q;
        HttpResponse<String> resp =
            r.method() == HandlerType.GET
                ? client.get(p, admin)
                : client.send(r.method().name(), p, admin, body(r));
        assertThat(resp.statusCode()).as(r + " ?" + q).isLessThan(500);
        if (resp.statusCode() == 400) {
          assertThat(isProblem(resp)).as(r + " ?" + q).isTrue();
          assertThat(JSON.readTree(resp.body()).path("detail").asText()).isNotBlank();
        }
      }
    }
    assertThat(store.meters()).hasSize(before);
  }

  @Test
  void badDatesAndHugeRangesAreBadRequestsNamingTheArgument() throws Exception {
    String analyst = TOKENS.get(Role.ANALYST);
    record Case(String path, String mentions) {}
    for (Case c :
        List.of(
            new Case("/api/v1/meters/MTR0001/readings?from=2024-02-30", "'from'"),
            new Case("/api/v1/meters/MTR0001/readings?from=2024-13-01", "'from'"),
            new Case("/api/v1/meters/MTR0001/readings?to=2024-1-1", "'to'"),
            new Case(
                "/api/v1/meters/MTR0001/readings?from=-999999999-01-01T00:00:00Z"
                    + "&to=-999999999-01-02T00:00:00Z",
                "'from'"),
            new Case("/api/v1/meters/MTR0001/readings?from=1969-12-31&to=1970-01-02", "'from'"),
            new Case("/api/v1/meters/MTR0001/readings?from=2000-01-01&to=2030-01-01", "limit"),
            new Case("/api/v1/meters/MTR0001/events?from=2020-01-01&to=2019-01-01", "'to'"),
            new Case("/api/v1/meters/MTR0001/vee?from=1999-01-01&to=2024-01-01", "limit"),
            new Case("/api/v1/meters/MTR0001/export?from=2024-01-01T25:00:00Z", "'from'"),
            new Case("/api/v1/fleet/aggregate?from=2000-01-01&to=2024-01-01", "limit"),
            new Case("/api/v1/fleet/aggregate?bucket=PT1S", "'bucket'"),
            new Case("/api/v1/fleet/overview?to=yesterday", "'to'"),
            new Case("/api/v1/collector/errors?limit=0", "'limit'"),
            new Case("/api/v1/collector/status?staleAfter=P1000D", "'staleAfter'"),
            new Case("/api/v1/collector/status?staleAfter=-PT1H", "'staleAfter'"),
            new Case("/api/v1/meters/MTR0001/events?order=sideways", "'order'"),
            new Case("/api/v1/meters/MTR0001/events?order=%3Cscript%3E", "'order'"),
            new Case("/api/v1/meters/MTR0001/readings?resolution=P1000Y", "'resolution'"),
            new Case("/api/v1/meters/MTR0001/readings?aggregation=drop", "'aggregation'"),
            new Case("/api/v1/meters/MTR0001/insights/..%2Fsecret", "'kind'"))) {
      HttpResponse<String> r = client.get(c.path(), TOKENS.get(Role.OPERATOR));
      if (!c.path().contains("collector")) {
        r = client.get(c.path(), analyst);
      }
      assertThat(r.statusCode()).as(c.path()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("detail").asText())
          .as(c.path())
          .contains(c.mentions());
    }
  }

  @Test
  void malformedBodiesAreBadRequests() throws Exception {
    String operator = TOKENS.get(Role.OPERATOR);
    String edits = "/api/v1/meters/MTR0001/edits";
    for (String body :
        List.of(
            "{not json",
            "[1,2,3]",
            "\"a string\"",
            "{\"timestamp\":{\"nested\":1},\"value\":1,\"reason\":\"x\"}",
            "{\"timestamp\":\"2024-01-01T12:00:00Z\",\"value\":\"NaN\",\"reason\":\"x\"}",
            "{\"timestamp\":\"2024-01-01T12:00:00Z\",\"value\":1e999,\"reason\":\"x\"}",
            "{\"timestamp\":\"1900-01-01T00:00:00Z\",\"value\":1,\"reason\":\"x\"}",
            "{\"timestamp\":\"2024-01-01T12:00:00Z\",\"value\":1,\"reason\":\""
                + "r".repeat(501)
                + "\"}")) {
      HttpResponse<String> r = client.send("POST", edits, operator, body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(isProblem(r)).as(body).isTrue();
    }
    HttpResponse<String> huge =
        client.send("POST", edits, operator, "{\"reason\":\"" + "x".repeat(1 << 21) + "\"}");
    assertThat(huge.statusCode()).isIn(400, 413);
    HttpResponse<String> role =
        client.send("POST", "/api/v1/tokens", TOKENS.get(Role.ADMIN), "{\"role\":\"root\"}");
    assertThat(role.statusCode()).isEqualTo(400);
  }

  @Test
  void malformedJsonRpcGetsTheSpecificationsErrorCodes() throws Exception {
    String analyst = TOKENS.get(Role.ANALYST);
    record Case(String body, int code) {}
    StringBuilder tooMany = new StringBuilder("[");
    for (int i = 0; i <= JsonRpcEndpoint.MAX_BATCH; i++) {
      tooMany.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"me\"}");
    }
    for (Case c :
        List.of(
            new Case("", -32700),
            new Case("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"me\"", -32700),
            new Case("42", -32600),
            new Case("{\"jsonrpc\":\"2.0\",\"id\":1}", -32600),
            new Case("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}", -32600),
            new Case("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"me\"}", -32600),
            new Case(tooMany.append("]").toString(), -32600),
            new Case("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rm -rf\"}", -32601),
            new Case("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"readings.get\"}", -32602),
            new Case(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"readings.get\",\"params\":\"MTR0001\"}",
                -32602),
            new Case(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"readings.get\","
                    + "\"params\":{\"meter\":\"MTR0001\",\"from\":\"2024-02-30\"}}",
                -32602),
            new Case(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"readings.get\","
                    + "\"params\":{\"meter\":{\"$ne\":null}}}",
                -32602))) {
      HttpResponse<String> r = client.send("POST", "/rpc", analyst, c.body());
      assertThat(r.statusCode()).as(c.body()).isLessThan(500);
      JsonNode answer = JSON.readTree(r.body());
      assertThat(answer.path("error").path("code").asInt())
          .as(c.body().length() > 200 ? "batch of 101" : c.body())
          .isEqualTo(c.code());
    }
  }
}
