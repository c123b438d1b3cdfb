package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.server.auth.Role;
import io.loadlens.server.testing.TestClient;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export endpoint over a real DuckDB store, in both formats. */
class ExportEndpointTest {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final MeterId A = MeterId.of("EXP0001");
  static final MeterId B = MeterId.of("EXP0002");
  @TempDir static Path dir;
  static Store store;
  static ApiServer server;
  static TestClient client;
  static String analyst, consumerA;

  @BeforeAll
  static void start() throws Exception {
    store = Stores.open("duckdb:" + dir.resolve("export.duckdb"), dir);
    for (MeterId id : List.of(A, B)) {
      store.upsertMeters(List.of(MeterInfo.of(id, ZoneId.of("Europe/Brussels"))));
      long[] t = new long[96];
      double[] v = new double[96];
      for (int i = 0; i < 96; i++) {
        t[i] = START.getEpochSecond() + 900L * i;
        v[i] = 100 + i;
      }
      store.ingest(
          List.of(
              new ReadingBatch(
                  UUID.randomUUID(),
                  id,
                  "test",
                  START,
                  List.of(
                      IntervalSeries.of(
                          id, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, t, v)))));
    }
    long[] vt = new long[96];
    double[] vv = new double[96];
    for (int i = 0; i < 96; i++) {
      vt[i] = START.getEpochSecond() + 900L * i;
      vv[i] = 100 + i;
    }
    store.replaceValidated(
        new ValidatedSeries(
            A,
            ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
            Unit.WATT_HOUR,
            900,
            vt,
            vv,
            filled(Quality.VALID),
            new EstimationMethod[96],
            new long[96],
            "test"));
    server =
        ApiServer.start(ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"), store);
    client = new TestClient(server.baseUri(), dir);
    analyst = server.tokens().create(Role.ANALYST, Set.of()).token();
    consumerA = server.tokens().create(Role.CONSUMER, Set.of(A)).token();
  }

  static Quality[] filled(Quality q) {
    Quality[] out = new Quality[96];
    Arrays.fill(out, q);
    return out;
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  void csvExportOfOwnMeterHasTheExporterHeaderAndOneRowPerValueInRange() throws Exception {
    var r =
        client.get(
            "/api/v1/meters/EXP0001/export?format=csv&from=2024-01-01T01:00:00Z&to=2024-01-01T03:00:00Z",
            consumerA);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("EXP0001.csv");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo("meter_id,obis,timestamp,value,unit,quality,method,source");
    assertThat(lines).hasSize(1 + 8);
    assertThat(lines.get(1)).startsWith("EXP0001,1-0:1.29.0.255,2024-01-01T01:00:00Z,104,Wh,");
    assertThat(Files.readString(dir.resolve("audit.log")))
        .contains("\"action\":\"export.values\",\"subject\":\"EXP0001\",\"outcome\":\"ok\"");
  }

  @Test
  void parquetExportIsAParquetFileWithEveryRowOfTheMeter() throws Exception {
    var r = client.getBytes("/api/v1/meters/EXP0002/export?format=parquet", analyst);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.apache.parquet");
    byte[] body = r.body();
    // Apache Parquet file format: the 4-byte magic "PAR1" opens and closes the file.
    assertThat(new String(Arrays.copyOf(body, 4), StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    assertThat(
            new String(
                Arrays.copyOfRange(body, body.length - 4, body.length), StandardCharsets.US_ASCII))
        .isEqualTo("PAR1");
    Path file = dir.resolve("downloaded.parquet");
    Files.write(file, body);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), min(value), max(value), min(meter_id), max(meter_id) FROM read_parquet('"
                    + file.toString().replace("'", "''")
                    + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(96);
      assertThat(rs.getDouble(2)).isEqualTo(100.0);
      assertThat(rs.getDouble(3)).isEqualTo(195.0);
      assertThat(rs.getString(4)).isEqualTo("EXP0002");
      assertThat(rs.getString(5)).isEqualTo("EXP0002");
    }
  }

  @Test
  void consumerExportingAnotherMeterGetsNotFoundAndIsAudited() throws Exception {
    var r = client.get("/api/v1/meters/EXP0002/export?format=parquet", consumerA);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Files.readString(dir.resolve("audit.log")))
        .contains("\"action\":\"export.values\",\"subject\":\"EXP0002\",\"outcome\":\"error:404\"");
  }

  @Test
  void unknownFormatIsABadRequestNamingTheArgument() throws Exception {
    var r = client.get("/api/v1/meters/EXP0001/export?format=xlsx", analyst);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("'format'").contains("xlsx");
  }

  @Test
  void editMadeThroughTheApiIsVisibleAtOnceInCachedValidatedReadings() throws Exception {
    String path = "/api/v1/meters/EXP0001/readings?source=validated&from=2024-01-01&to=2024-01-02";
    String operator = server.tokens().create(Role.OPERATOR, Set.of()).token();
    var before =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(client.get(path, analyst).body());
    assertThat(before.get("v").get(40).asDouble()).isEqualTo(140.0);
    var edit =
        client.send(
            "POST",
            "/api/v1/meters/EXP0001/edits",
            operator,
            "{\"timestamp\":\"2024-01-01T10:00:00Z\",\"value\":7.5,\"reason\":\"meter swap\"}");
    assertThat(edit.statusCode()).isEqualTo(201);
    var after =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(client.get(path, analyst).body());
    assertThat(after.get("v").get(40).asDouble()).isEqualTo(7.5);
    assertThat(after.get("quality").get(40).asText()).isEqualTo("EDITED");
  }

  @Test
  void exportIsNotAJsonRpcMethod() throws Exception {
    var r =
        client.send(
            "POST",
            "/rpc",
            analyst,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"export.values\",\"params\":{\"meter\":\"EXP0001\"}}");
    assertThat(r.body()).contains("-32601").contains("GET /api/v1/meters/{meter}/export");
  }
}
