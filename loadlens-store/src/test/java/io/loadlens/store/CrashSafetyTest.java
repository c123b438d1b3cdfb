package io.loadlens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ingests batches and is killed with SIGKILL in the middle; the store must then hold
 * every acknowledged batch, no partial batch, and a re-send of everything must complete it with no
 * duplicates.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void killedDuckDbIngestLosesNothingAcknowledgedAndLeavesNoPartialBatch() throws Exception {
    String url = "duckdb:" + dir.resolve("crash.duckdb");
    killMidIngestThenResend(url);
  }

  @Test
  void killedPostgresIngestLosesNothingAcknowledgedAndLeavesNoPartialBatch() throws Exception {
    String db = PostgresTestServer.newDatabaseName();
    try {
      killMidIngestThenResend(PostgresTestServer.url(db));
    } finally {
      PostgresTestServer.drop(db);
    }
  }

  private void killMidIngestThenResend(String url) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx512m",
                KillVictim.class.getName(),
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int acked = -1;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acked = Integer.parseInt(line.substring(4));
          if (acked >= 30) {
            child.destroyForcibly(); // SIGKILL on Linux
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acked).as("child acknowledged batches before the kill").isGreaterThanOrEqualTo(30);

    try (Store store = Stores.open(url, dir)) {
      long rows = store.rawRowCount();
      assertThat(rows % KillVictim.ROWS_PER_BATCH).as("no partial batch").isZero();
      assertThat(rows)
          .as("every acknowledged batch")
          .isGreaterThanOrEqualTo((long) (acked + 1) * KillVictim.ROWS_PER_BATCH);
      List<io.loadlens.model.ReadingBatch> all = new ArrayList<>();
      for (int b = 0; b < KillVictim.BATCHES; b++) {
        all.add(KillVictim.batch(b));
      }
      long inserted = 0;
      for (int i = 0; i < all.size(); i += 50) {
        inserted += store.ingest(all.subList(i, Math.min(all.size(), i + 50))).inserted();
      }
      long total = (long) KillVictim.BATCHES * KillVictim.ROWS_PER_BATCH;
      assertThat(inserted).isEqualTo(total - rows);
      assertThat(store.rawRowCount()).isEqualTo(total);
      assertThat(
              store.readRaw(io.loadlens.model.MeterId.of("k3"), Fixtures.ENERGY, null, null).size())
          .isEqualTo(
              (KillVictim.BATCHES / 7 + (KillVictim.BATCHES % 7 > 3 ? 1 : 0))
                  * KillVictim.ROWS_PER_BATCH);
    }
  }
}
