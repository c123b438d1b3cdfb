package io.loadlens.server.bench;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.server.ApiServer;
import io.loadlens.server.ServerConfig;
import io.loadlens.server.auth.Role;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The server half of {@link ApiLoadTest}, run as its own JVM so that the server's CPU time is
 * measured apart from the load generator's: opens (and if needed seeds) a store, starts the API on
 * a free loopback port, prints one line {@code READY <port> <analyst token> <operator token>
 * <meter>...} and serves until its standard input ends.
 *
 * <p>Run: {@code java -cp <server classpath> io.loadlens.server.bench.ApiLoadServer storeUrl
 * dataDir meters}
 */
public final class ApiLoadServer {

  /** The first instant of the seeded year (UTC). */
  public static final Instant YEAR_START = Instant.parse("2024-01-01T00:00:00Z");

  private ApiLoadServer() {}

  /**
   * Writes {@code meters} synthetic meters with a year of 15-minute interval energy each (an
   * evening peak, a base load and a deterministic ripple), unless the store already holds that
   * many.
   *
   * @return the ids of the meters to query
   */
  public static List<MeterId> seed(Store store, int meters, Instant start) {
    List<MeterInfo> present = store.meters();
    if (present.size() >= meters) {
      return present.stream().map(MeterInfo::id).sorted().limit(meters).toList();
    }
    List<MeterId> ids = new ArrayList<>();
    int n = 365 * 96;
    for (int m = 0; m < meters; m++) {
      MeterId id = MeterId.of(String.format("LOAD%04d", m));
      ids.add(id);
      store.upsertMeters(List.of(MeterInfo.of(id, ZoneId.of("Europe/Brussels"))));
      long[] t = new long[n];
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = start.getEpochSecond() + i * 900L;
        double hour = (i % 96) / 4.0;
        double wh = 60 + 250 * Math.exp(-Math.pow(hour - 19, 2) / 4) + (i * 7919L % 31);
        v[i] = Math.round(wh * 10) / 10.0;
      }
      IntervalSeries s =
          IntervalSeries.of(id, ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL, Unit.WATT_HOUR, t, v);
      store.ingest(
          List.of(new ReadingBatch(UUID.randomUUID(), id, "bench", Instant.now(), List.of(s))));
    }
    return ids;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ApiLoadServer storeUrl dataDir meters");
      System.exit(2);
    }
    Path dataDir = Path.of(args[1]);
    int meters = Integer.parseInt(args[2]);
    Files.createDirectories(dataDir);
    try (Store store = Stores.open(args[0], dataDir)) {
      List<MeterId> ids = seed(store, meters, YEAR_START);
      ServerConfig cfg = ServerConfig.defaults(dataDir).withPort(0).withBindAddress("127.0.0.1");
      try (ApiServer server = ApiServer.start(cfg, store)) {
        String analyst = server.tokens().create(Role.ANALYST, Set.of()).token();
        String operator = server.tokens().create(Role.OPERATOR, Set.of()).token();
        StringBuilder ready = new StringBuilder("READY ");
        ready.append(server.port()).append(' ').append(analyst).append(' ').append(operator);
        ids.forEach(id -> ready.append(' ').append(id));
        System.out.println(ready);
        System.out.flush();
        waitForEndOfInput(System.in);
      }
    }
  }

  private static void waitForEndOfInput(InputStream in) throws IOException {
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // the load generator keeps the pipe open while it runs
    }
  }
}
