package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.MeterId;
import io.loadlens.server.auth.Role;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import io.loadlens.server.testing.TestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRpcTest {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static ApiServer server;
  static TestClient client;
  static String analyst, consumer;

  @BeforeAll
  static void start() throws Exception {
    InMemoryStore store = new InMemoryStore();
    List<MeterId> ids = SampleData.fill(store, 2, 3);
    server =
        ApiServer.start(ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"), store);
    client = new TestClient(server.baseUri(), dir);
    analyst = server.tokens().create(Role.ANALYST, Set.of()).token();
    consumer = server.tokens().create(Role.CONSUMER, Set.of(ids.get(0))).token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode rpc(String token, String body) throws Exception {
    return JSON.readTree(client.send("POST", "/rpc", token, body).body());
  }

  @Test
  void singleCallReturnsResultWithItsId() throws Exception {
    JsonNode r =
        rpc(
            analyst,
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"readings.get\",\"params\":{\"meter\":\"MTR0001\",\"from\":\"2024-01-01\",\"to\":\"2024-01-02\",\"resolution\":\"PT1H\"}}");
    assertThat(r.get("id").asInt()).isEqualTo(7);
    assertThat(r.get("result").get("count").asInt()).isEqualTo(24);
  }

  @Test
  void batchAnswersEachCallAndSkipsNotifications() throws Exception {
    JsonNode r =
        rpc(
            analyst,
            "[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"me\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"meters.list\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope\"}]");
    assertThat(r.isArray()).isTrue();
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.get(0).get("result").get("role").asText()).isEqualTo("analyst");
    assertThat(r.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void notificationOnlyRequestGetsNoContent() throws Exception {
    var resp = client.send("POST", "/rpc", analyst, "{\"jsonrpc\":\"2.0\",\"method\":\"me\"}");
    assertThat(resp.statusCode()).isEqualTo(204);
  }

  @Test
  void specificationErrorCodes() throws Exception {
    assertThat(rpc(analyst, "{bad json").get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(rpc(analyst, "[]").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(
            rpc(analyst, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"me\"}")
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(-32600);
    assertThat(rpc(analyst, "[1]").get(0).get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(
            rpc(
                    analyst,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"meters.get\",\"params\":[\"MTR0001\"]}")
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(-32602);
    JsonNode bad =
        rpc(
            analyst,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"readings.get\",\"params\":{\"meter\":\"x y\"}}");
    assertThat(bad.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(bad.get("error").get("data").get("detail").asText()).contains("'meter'");
  }

  @Test
  void applicationCodesForRoleAndScope() throws Exception {
    JsonNode forbidden =
        rpc(consumer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fleet.overview\"}");
    assertThat(forbidden.get("error").get("code").asInt()).isEqualTo(-32003);
    JsonNode other =
        rpc(
            consumer,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"readings.get\",\"params\":{\"meter\":\"MTR0002\"}}");
    assertThat(other.get("error").get("code").asInt()).isEqualTo(-32004);
    assertThat(other.toString()).doesNotContain("\"result\"");
  }

  @Test
  void rpcNeedsAToken() throws Exception {
    assertThat(
            client
                .send("POST", "/rpc", null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"me\"}")
                .statusCode())
        .isEqualTo(401);
  }
}
