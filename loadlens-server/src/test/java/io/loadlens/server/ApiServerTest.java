package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.MeterId;
import io.loadlens.server.auth.Role;
import io.loadlens.server.http.RestRoutes;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import io.loadlens.server.testing.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static ApiServer server;
  static TestClient client;
  static InMemoryStore store;
  static List<MeterId> ids;
  static String admin, operator, analyst, consumer;

  @BeforeAll
  static void start() throws Exception {
    store = new InMemoryStore();
    ids = SampleData.fill(store, 3, 14);
    server =
        ApiServer.start(ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"), store);
    client = new TestClient(server.baseUri(), dir);
    admin = server.tokens().create(Role.ADMIN, Set.of()).token();
    operator = server.tokens().create(Role.OPERATOR, Set.of()).token();
    analyst = server.tokens().create(Role.ANALYST, Set.of()).token();
    consumer = server.tokens().create(Role.CONSUMER, Set.of(ids.get(0))).token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void healthAndReadinessNeedNoToken() throws Exception {
    assertThat(client.get("/health", null).statusCode()).isEqualTo(200);
    assertThat(json(client.get("/ready", null)).get("status").asText()).isEqualTo("READY");
  }

  @Test
  void apiWithoutTokenIsAnUnauthorizedProblem() throws Exception {
    var r = client.get("/api/v1/meters", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"loadlens\"");
    assertThat(json(r).get("status").asInt()).isEqualTo(401);
  }

  @Test
  void forgedTokenWithKnownIdIsRejected() throws Exception {
    String forged = analyst.substring(0, analyst.indexOf('.') + 1) + "AAAA";
    assertThat(client.get("/api/v1/meters", forged).statusCode()).isEqualTo(401);
    assertThat(client.get("/rpc", "llt_nonsense").statusCode()).isEqualTo(401);
  }

  @Test
  void meterListPaginatesAndFilters() throws Exception {
    JsonNode page = json(client.get("/api/v1/meters?limit=2&offset=1", analyst));
    assertThat(page.get("total").asInt()).isEqualTo(3);
    assertThat(page.get("items").size()).isEqualTo(2);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo("MTR0002");
    JsonNode north = json(client.get("/api/v1/meters?group=north", analyst));
    assertThat(north.get("total").asInt()).isEqualTo(2);
    JsonNode search = json(client.get("/api/v1/meters?q=0003", analyst));
    assertThat(search.get("items").get(0).get("zone").asText()).isEqualTo("Europe/Brussels");
  }

  @Test
  void consumerListsOnlyItsOwnMeter() throws Exception {
    JsonNode page = json(client.get("/api/v1/meters", consumer));
    assertThat(page.get("total").asInt()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("id").asText()).isEqualTo("MTR0001");
  }

  @Test
  void consumerAskingForAnotherMeterGetsNotFoundEverywhere() throws Exception {
    for (String p :
        List.of(
            "",
            "/readings",
            "/readings.csv",
            "/events",
            "/vee",
            "/edits",
            "/insights",
            "/insights/consumer")) {
      var r = client.get("/api/v1/meters/MTR0002" + p, consumer);
      assertThat(r.statusCode()).as(p).isEqualTo(404);
      assertThat(r.body()).doesNotContain("Brussels");
    }
    assertThat(client.get("/api/v1/meters/MTR0001/readings", consumer).statusCode()).isEqualTo(200);
  }

  @Test
  void consumerCannotReachFleetCollectorOrTopology() throws Exception {
    for (String p :
        List.of(
            "/api/v1/fleet/overview",
            "/api/v1/fleet/aggregate",
            "/api/v1/collector/status",
            "/api/v1/topology",
            "/api/v1/tokens")) {
      assertThat(client.get(p, consumer).statusCode()).as(p).isEqualTo(403);
    }
  }

  @Test
  void analystMayNotEditButOperatorMayAndTheEditIsAudited() throws Exception {
    String body =
        "{\"timestamp\":\"2024-01-02T10:00:00Z\",\"value\":123.5,\"reason\":\"meter swap\"}";
    assertThat(client.send("POST", "/api/v1/meters/MTR0002/edits", analyst, body).statusCode())
        .isEqualTo(403);
    var r = client.send("POST", "/api/v1/meters/MTR0002/edits", operator, body);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(json(r).get("reason").asText()).isEqualTo("meter swap");
    JsonNode list = json(client.get("/api/v1/meters/MTR0002/edits", analyst));
    assertThat(list.get(0).get("value").asDouble()).isEqualTo(123.5);
    assertThat(Files.readString(dir.resolve("audit.log")))
        .contains("\"action\":\"edits.create\",\"subject\":\"MTR0002\",\"outcome\":\"ok\"");
  }

  @Test
  void editWithoutReasonOrWithBadValueIsRejectedNamingTheField() throws Exception {
    var r =
        client.send(
            "POST",
            "/api/v1/meters/MTR0002/edits",
            operator,
            "{\"timestamp\":\"2024-01-02T10:00:00Z\",\"value\":1}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).contains("'reason'");
    r =
        client.send(
            "POST",
            "/api/v1/meters/MTR0002/edits",
            operator,
            "{\"timestamp\":\"2024-01-02T10:00:00Z\",\"value\":\"lots\",\"reason\":\"x\"}");
    assertThat(json(r).get("detail").asText()).contains("'value'");
    r = client.send("POST", "/api/v1/meters/MTR0002/edits", operator, "{not json");
    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void rawReadingsComeAsColumnsWithStatus() throws Exception {
    JsonNode r =
        json(client.get("/api/v1/meters/MTR0001/readings?from=2024-01-01&to=2024-01-02", consumer));
    assertThat(r.get("count").asInt()).isEqualTo(96);
    assertThat(r.get("t").size()).isEqualTo(96);
    assertThat(r.get("status").get(10).asInt()).isEqualTo(0x80);
    assertThat(r.get("resolutionSeconds").asInt()).isEqualTo(900);
  }

  @Test
  void validatedReadingsAggregateHourlyWithWorstQuality() throws Exception {
    JsonNode r =
        json(
            client.get(
                "/api/v1/meters/MTR0001/readings?from=2024-01-01&to=2024-01-02&source=validated&resolution=PT1H",
                analyst));
    assertThat(r.get("count").asInt()).isEqualTo(24);
    assertThat(r.get("aggregation").asText()).isEqualTo("sum");
    assertThat(r.get("quality").get(10).asText()).isEqualTo("ESTIMATED");
    assertThat(r.get("method").get(10).asText()).isEqualTo("INTERPOLATED");
    assertThat(r.get("quality").get(12).asText()).isEqualTo("MISSING");
    JsonNode raw =
        json(
            client.get(
                "/api/v1/meters/MTR0001/readings?from=2024-01-01&to=2024-01-01T01:00:00Z",
                analyst));
    double sum = 0;
    for (JsonNode v : raw.get("v")) {
      sum += v.asDouble();
    }
    assertThat(r.get("v").get(0).asDouble())
        .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.get("qualityCounts").get("MISSING").asInt()).isEqualTo(1);
  }

  @Test
  void malformedInputGetsBadRequestNamingTheArgument() throws Exception {
    record Case(String path, String mentions) {}
    for (Case c :
        List.of(
            new Case("/api/v1/meters/MTR0001/readings?from=yesterday", "'from'"),
            new Case("/api/v1/meters/MTR0001/readings?from=2024-02-01&to=2024-01-01", "'to'"),
            new Case("/api/v1/meters/MTR0001/readings?from=2010-01-01&to=2024-01-01", "limit"),
            new Case("/api/v1/meters/MTR0001/readings?resolution=5", "'resolution'"),
            new Case("/api/v1/meters/MTR0001/readings?source=cooked", "'source'"),
            new Case("/api/v1/meters/MTR0001/readings?obis=x.y.z", "'obis'"),
            new Case("/api/v1/meters?limit=100000", "'limit'"),
            new Case("/api/v1/meters/bad%20id%21/readings", "'meter'"))) {
      var r = client.get(c.path(), analyst);
      assertThat(r.statusCode()).as(c.path()).isEqualTo(400);
      assertThat(json(r).get("detail").asText()).as(c.path()).contains(c.mentions());
    }
  }

  @Test
  void unknownMeterAndUnknownPathAreNotFoundProblems() throws Exception {
    assertThat(client.get("/api/v1/meters/NOPE", analyst).statusCode()).isEqualTo(404);
    var r = client.get("/api/v1/nothing-here", analyst);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("type").asText()).isEqualTo("/api/v1/problems/not-found");
  }

  @Test
  void etagAnswersNotModified() throws Exception {
    var first = client.get("/api/v1/meters/MTR0001", analyst);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    var second = client.get("/api/v1/meters/MTR0001", analyst, "If-None-Match", etag);
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    assertThat(json(first).get("channels").get(0).get("obis").asText()).isEqualTo("1-0:1.29.0.255");
  }

  @Test
  void eventsVeeAndInsightsOfAMeter() throws Exception {
    JsonNode ev = json(client.get("/api/v1/meters/MTR0001/events?kind=gap", consumer));
    assertThat(ev.get("total").asInt()).isEqualTo(1);
    assertThat(ev.get("items").get(0).get("code").asText()).isEqualTo("0x09");
    JsonNode vee = json(client.get("/api/v1/meters/MTR0001/vee", consumer));
    assertThat(vee.get("byMethod").get("INTERPOLATED").asInt()).isEqualTo(4);
    assertThat(vee.get("veeVersion").asText()).isEqualTo("vee-1");
    JsonNode ins = json(client.get("/api/v1/meters/MTR0001/insights/consumer", consumer));
    assertThat(ins.get("document").get("baseLoad").get("watts").asDouble()).isEqualTo(180.0);
    assertThat(json(client.get("/api/v1/meters/MTR0001/insights", consumer)))
        .extracting(d -> d.get("kind").asText())
        .containsExactlyInAnyOrder("consumer", "segment");
    assertThat(
            json(client.get("/api/v1/meters/MTR0001/insights/segment", consumer))
                .get("document")
                .get("label")
                .asText())
        .isEqualTo("evening peakers, out 08:00–18:00 on weekdays");
    assertThat(client.get("/api/v1/meters/MTR0001/insights/Bad!", consumer).statusCode())
        .isEqualTo(400);
    assertThat(client.get("/api/v1/meters/MTR0001/insights/other", consumer).statusCode())
        .isEqualTo(404);
    assertThat(client.get("/api/v1/meters/MTR0001/conflicts", analyst).statusCode()).isEqualTo(200);
    assertThat(client.get("/api/v1/meters/MTR0001/conflicts", consumer).statusCode())
        .isEqualTo(403);
  }

  @Test
  void readingsAreGzipCodedWhenTheClientAcceptsGzipWithTheirOwnEtag() throws Exception {
    String path = "/api/v1/meters/MTR0001/readings?from=2024-01-01&to=2024-01-03";
    var plain = client.getBytes(path, analyst);
    var gz = client.getBytes(path, analyst, "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    byte[] inflated;
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
      inflated = in.readAllBytes();
    }
    assertThat(inflated).isEqualTo(plain.body());
    String etag = gz.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
    var again = client.getBytes(path, analyst, "Accept-Encoding", "gzip", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(JSON.readTree(plain.body()).get("count").asInt()).isEqualTo(192);
  }

  @Test
  void csvExportHasHeaderAndOneLinePerInterval() throws Exception {
    var r =
        client.get(
            "/api/v1/meters/MTR0001/readings.csv?from=2024-01-01&to=2024-01-02&source=validated",
            consumer);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.getFirst()).isEqualTo("timestamp,meter,obis,value,unit,quality,method");
    assertThat(lines).hasSize(97);
    assertThat(lines.get(41)).endsWith("ESTIMATED,INTERPOLATED");
  }

  @Test
  void fleetOverviewAggregateSegmentsAndForecast() throws Exception {
    JsonNode o = json(client.get("/api/v1/fleet/overview?from=2024-01-01&to=2024-01-15", analyst));
    assertThat(o.get("meters").asInt()).isEqualTo(3);
    assertThat(o.get("metersRead").asInt()).isEqualTo(3);
    assertThat(o.get("completenessMean").asDouble()).isGreaterThan(0.99);
    assertThat(o.get("failuresByCode").get("0x05 AUTHENTICATION_FAILURE").asInt()).isEqualTo(1);
    JsonNode a =
        json(
            client.get(
                "/api/v1/fleet/aggregate?from=2024-01-01&to=2024-01-03&bucket=PT1H", analyst));
    assertThat(a.get("t").size()).isEqualTo(48);
    double max = 0;
    for (JsonNode v : a.get("v")) {
      max = Math.max(max, v.asDouble());
    }
    assertThat(a.get("coincidentPeak").get("value").asDouble()).isEqualTo(max);
    assertThat(json(client.get("/api/v1/fleet/segments", analyst)).get("document").size())
        .isEqualTo(2);
    assertThat(
            json(client.get("/api/v1/fleet/forecast", analyst))
                .get("document")
                .get("kwBySlot")
                .size())
        .isEqualTo(8);
    assertThat(json(client.get("/api/v1/fleet/insights", analyst)).size()).isEqualTo(1);
    assertThat(
            json(client.get("/api/v1/topology", analyst))
                .get("groups")
                .get("north")
                .get("F0")
                .get("T0")
                .get(0)
                .asText())
        .isEqualTo("MTR0001");
  }

  @Test
  void collectorStatusAndErrorsByCodeNeedOperator() throws Exception {
    assertThat(client.get("/api/v1/collector/status", analyst).statusCode()).isEqualTo(403);
    JsonNode s = json(client.get("/api/v1/collector/status", operator));
    assertThat(s.get("meters").asInt()).isEqualTo(3);
    assertThat(s.get("rawRows").asLong()).isEqualTo(3 * 14 * 96);
    JsonNode e =
        json(client.get("/api/v1/collector/errors?from=2024-01-01&to=2024-02-01", operator));
    assertThat(e.get("byCode").toString())
        .contains(
            "\"code\":\"0x05\"",
            "\"code\":\"0x09\"",
            "\"code\":\"TIMEOUT\",\"name\":\"TIMEOUT\",\"count\":2");
  }

  @Test
  void adminManagesTokensAndSecretsAreNeverStored() throws Exception {
    var created =
        client.send(
            "POST", "/api/v1/tokens", admin, "{\"role\":\"consumer\",\"meters\":[\"MTR0003\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    String token = json(created).get("token").asText();
    String id = json(created).get("id").asText();
    assertThat(json(client.get("/api/v1/me", token)).get("meters").get(0).asText())
        .isEqualTo("MTR0003");
    assertThat(client.get("/api/v1/meters/MTR0003/readings", token).statusCode()).isEqualTo(200);
    String file = Files.readString(dir.resolve("tokens.json"));
    assertThat(file).contains(id).doesNotContain(token.substring(token.indexOf('.') + 1));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("tokens.json"))))
        .isEqualTo("rw-------");
    assertThat(client.send("POST", "/api/v1/tokens", operator, "{\"role\":\"admin\"}").statusCode())
        .isEqualTo(403);
    assertThat(client.send("POST", "/api/v1/tokens", admin, "{\"role\":\"consumer\"}").statusCode())
        .isEqualTo(400);
    assertThat(client.send("DELETE", "/api/v1/tokens/" + id, admin, null).statusCode())
        .isEqualTo(200);
    assertThat(client.get("/api/v1/me", token).statusCode()).isEqualTo(401);
    assertThat(json(client.get("/api/v1/tokens", admin)).toString())
        .doesNotContain("hash")
        .doesNotContain("salt");
  }

  @Test
  void metricsNeedOperatorAndCountRequests() throws Exception {
    client.get("/api/v1/meters", analyst);
    assertThat(client.get("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(client.get("/metrics", analyst).statusCode()).isEqualTo(403);
    var m = client.get("/metrics", operator);
    assertThat(m.body())
        .contains("loadlens_http_requests_seconds_count")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void openApiDocumentDescribesEveryRoute() throws Exception {
    var r = client.get("/api/v1/openapi.json", null);
    JsonNode doc = json(r);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    for (RestRoutes.Route route : RestRoutes.ROUTES) {
      String path = route.path().substring("/api/v1".length());
      JsonNode item = doc.get("paths").get(path);
      assertThat(item).as(path).isNotNull();
      assertThat(item.get(route.method().name().toLowerCase(Locale.ROOT)))
          .as(route.toString())
          .isNotNull();
      assertThat(
              item.get(route.method().name().toLowerCase(Locale.ROOT)).get("operationId").asText())
          .isEqualTo(route.operation());
    }
  }

  @Test
  void dashboardIsServedWithContentSecurityPolicy() throws Exception {
    var r = client.get("/", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("loadlens");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
    assertThat(client.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", null).statusCode())
        .isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
