package io.loadlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.server.auth.Role;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.TestClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meters read over DLMS store the cumulative import register (1-0:1.8.0.255) in raw_data, not an
 * interval channel: the fleet overview must count them as read and complete.
 */
class FleetOverviewOfDlmsDataTest {
  @TempDir Path dir;

  @Test
  void countsMetersWhoseRawDataIsTheCumulativeRegister() throws Exception {
    InMemoryStore store = new InMemoryStore();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (String id : List.of("DLMS-1", "DLMS-2")) {
      MeterId m = MeterId.of(id);
      store.upsertMeters(List.of(MeterInfo.of(m, ZoneOffset.UTC)));
      long[] t = new long[96 * 2];
      double[] v = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = start.getEpochSecond() + 900L * (i + 1);
        v[i] = 1000.0 + 50 * i;
      }
      IntervalSeries reg =
          IntervalSeries.of(m, ObisCode.ACTIVE_ENERGY_IMPORT, Unit.WATT_HOUR, t, v);
      store.ingest(List.of(new ReadingBatch(UUID.randomUUID(), m, "dlms", start, List.of(reg))));
    }
    try (ApiServer server =
        ApiServer.start(
            ServerConfig.defaults(dir).withPort(0).withBindAddress("127.0.0.1"), store)) {
      TestClient client = new TestClient(server.baseUri(), dir);
      String analyst = server.tokens().create(Role.ANALYST, Set.of()).token();
      JsonNode o =
          new ObjectMapper()
              .readTree(
                  client
                      .get("/api/v1/fleet/overview?from=2024-01-01&to=2024-01-03", analyst)
                      .body());
      assertThat(o.get("obis").asText()).isEqualTo("1-0:1.8.0.255");
      assertThat(o.get("metersRead").asInt()).isEqualTo(2);
      assertThat(o.get("completenessMean").asDouble()).isGreaterThan(0.99);
      JsonNode a =
          new ObjectMapper()
              .readTree(
                  client
                      .get("/api/v1/fleet/aggregate?from=2024-01-01&to=2024-01-03", analyst)
                      .body());
      assertThat(a.get("obis").asText()).isEqualTo("1-0:1.29.0.255");
    }
  }
}
