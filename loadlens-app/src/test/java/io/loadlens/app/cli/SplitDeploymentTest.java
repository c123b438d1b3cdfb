package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.store.Store;
import io.loadlens.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split deployment as an operator runs it: {@code simulate} and {@code ingest} as their own
 * processes, {@code gateway --once} publishing through a real MQTT broker (the Mosquitto service on
 * 127.0.0.1:1883 when it answers, else an embedded broker), and the store checked afterwards.
 */
class SplitDeploymentTest {

  @TempDir Path dir;

  private CliProcesses processes;
  private TestBroker broker;
  private String mqttUrl;

  @BeforeEach
  void broker() throws IOException {
    processes = new CliProcesses(dir);
    broker = TestBroker.start(dir.resolve("broker"));
    mqttUrl = broker.url();
  }

  @AfterEach
  void stopAll() throws Exception {
    processes.close();
    broker.close();
  }

  @Test
  void readingsPublishedWhileIngestIsDownAreStoredOnceWhenItComesBack() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String gateway = "gw-" + run;
    String ingestClient = "ingest-" + run;
    Path fleetFile = dir.resolve("fleet/fleet.yaml");
    Path storeDir = dir.resolve("store");

    Process simulator =
        processes.start(
            dir.resolve("simulate.log"),
            "simulate",
            "--meters",
            "3",
            "--days",
            "2",
            "--first-address",
            "127.3.2.1",
            "--faults",
            "missing-entries=1",
            "--for",
            "300",
            "--fleet-file",
            fleetFile.toString(),
            "--data",
            dir.resolve("sim").toString());
    CliProcesses.awaitLine(simulator, dir.resolve("simulate.log"), l -> l.contains("fleet file:"));

    // ingest subscribes once (persistent session), then stops before anything is published
    Path ingestLog = dir.resolve("ingest-1.log");
    Process ingest = startIngest(ingestLog, ingestClient, storeDir);
    CliProcesses.awaitLine(ingest, ingestLog, l -> l.startsWith("messages="));
    CliProcesses.stopGracefully(ingest);

    gatewayOnce(fleetFile, gateway);

    // the messages waited in the broker; the restarted ingest stores them
    Path ingestLog2 = dir.resolve("ingest-2.log");
    Process again = startIngest(ingestLog2, ingestClient, storeDir);
    long rows = awaitRows(again, ingestLog2, 1);
    CliProcesses.stopGracefully(again);
    long stored;
    try (Store store = Stores.open(null, storeDir)) {
      stored = store.rawRowCount();
      for (int m = 1; m <= 3; m++) {
        assertThat(store.channels(MeterId.of(String.format("SIM-%05d", m)))).isNotEmpty();
      }
      // the gaps the gateway found in every meter's profile came over the events topic
      assertThat(store.events(Instant.EPOCH, Instant.now().plusSeconds(86_400), 1000))
          .extracting(e -> e.kind())
          .contains(MeterEvent.Kind.GAP);
    }
    assertThat(stored).isEqualTo(rows).isGreaterThan(3L * 2 * 96);

    // meters first seen by ingest are registered, so VEE and insights find them
    CliRun vee = CliRun.run("vee", "--data", storeDir.toString());
    assertThat(vee.exitCode()).as(vee.err()).isZero();
    assertThat(vee.out()).contains(": 3 meters (0 without data)");
    CliRun insights = CliRun.run("insights", "--data", storeDir.toString());
    assertThat(insights.exitCode()).as(insights.err()).isZero();
    assertThat(insights.out()).contains("3 consumers");

    // a gateway that forgot what it published (its invocation counters are kept) re-sends every
    // profile: nothing is stored twice
    Files.delete(dir.resolve("gw/state/capture-times.properties"));
    gatewayOnce(fleetFile, gateway);
    Path ingestLog3 = dir.resolve("ingest-3.log");
    Process third = startIngest(ingestLog3, ingestClient, storeDir);
    awaitRows(third, ingestLog3, rows);
    CliProcesses.stopGracefully(third);
    try (Store store = Stores.open(null, storeDir)) {
      assertThat(store.rawRowCount()).isBetween(stored, stored + 3L * 4);
    }
    CliProcesses.stopGracefully(simulator);
  }

  @Test
  void p1TelegramsPublishedByListenAreStoredByIngestWithTheirMetersRegistered() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path storeDir = dir.resolve("store");
    Path log = dir.resolve("ingest.log");
    Process ingest = startIngest(log, "ingest-p1-" + run, storeDir);
    CliProcesses.awaitLine(ingest, log, l -> l.startsWith("messages="));

    Path file = ListenCommandTest.twoMeterP1Capture(dir);
    CliRun listen =
        CliRun.run(
            "listen",
            "p1",
            "--file",
            file.toString(),
            "--all-values",
            "--publish",
            "--mqtt",
            mqttUrl,
            "--gateway-id",
            "p1-" + run,
            "--data",
            dir.resolve("listener").toString());
    assertThat(listen.exitCode()).as(listen.err()).isZero();
    assertThat(listen.out())
        .contains("2 telegrams, 0 bad")
        .containsPattern(
            "P1: 4 batches \\(\\d+ values\\) sent through the outbox, 4 acknowledged by the broker, 0 waiting");
    assertThat(dir.resolve("listener/loadlens.duckdb")).doesNotExist();

    long rows = awaitRows(ingest, log, 20);
    CliProcesses.stopGracefully(ingest);
    try (Store store = Stores.open(null, storeDir)) {
      assertThat(store.meters()).extracting(m -> m.group()).containsExactly("p1", "p1");
      assertThat(store.rawRowCount()).isEqualTo(rows);
    }
  }

  /** One gateway pass over the 3 simulated meters, data in {@code <dir>/gw}. */
  private void gatewayOnce(Path fleetFile, String gateway) {
    CliRun r =
        CliRun.run(
            "gateway",
            "--config",
            fleetFile.toString(),
            "--once",
            "--mqtt",
            mqttUrl,
            "--gateway-id",
            gateway,
            "--data",
            dir.resolve("gw").toString());
    assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).as(r.err()).contains("Published 3 of 3 meters");
  }

  private Process startIngest(Path log, String clientId, Path storeDir) throws IOException {
    return processes.start(
        log,
        "ingest",
        "--mqtt",
        mqttUrl,
        "--client-id",
        clientId,
        "--report-every",
        "1",
        "--data",
        storeDir.toString());
  }

  /** Waits until the ingest process reports at least {@code min} rows and then a quiet second. */
  private static long awaitRows(Process p, Path log, long min) throws Exception {
    Instant deadline = Instant.now().plus(CliProcesses.WAIT);
    long last = -1;
    int stable = 0;
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive()).as("ingest exited: " + Files.readString(log)).isTrue();
      long rows = lastRows(Files.readString(log));
      if (rows >= min && rows == last) {
        if (++stable >= 3) {
          return rows;
        }
      } else {
        stable = 0;
      }
      last = rows;
      Thread.sleep(1_000);
    }
    throw new AssertionError(
        "ingest did not settle at >= " + min + " rows: " + Files.readString(log));
  }

  private static long lastRows(String log) {
    long rows = -1;
    for (String line : log.split("\n")) {
      int i = line.indexOf(" rows=");
      if (line.startsWith("messages=") && i > 0) {
        rows = Long.parseLong(line.substring(i + 6, line.indexOf(' ', i + 6)));
      }
    }
    return rows;
  }
}
