package io.loadlens.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.transport.bench.TransportBenchmark;
import io.loadlens.transport.bench.TransportBenchmark.Result;
import io.loadlens.transport.bench.TransportBenchmark.Workload;
import io.loadlens.transport.codec.WireCodec;
import io.loadlens.transport.inprocess.InProcessTransport;
import io.loadlens.transport.kafka.KafkaPublisher;
import io.loadlens.transport.kafka.KafkaSettings;
import io.loadlens.transport.kafka.KafkaSubscriber;
import io.loadlens.transport.kafka.KafkaTestCluster;
import io.loadlens.transport.kafka.KafkaTopics;
import io.loadlens.transport.mqtt.MqttBench;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link TransportBenchmark} on this machine. Skipped unless {@code -Dloadlens.bench=true}:
 *
 * <pre>
 * ./mvnw -o -pl loadlens-transport test -Dtest=TransportBenchmarkRun -Dloadlens.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Every 10th read also sends 3 meter events ({@code -Dloadlens.bench.eventEvery=0} turns events
 * off). Results go to the log and to target/transport-bench.txt.
 */
class TransportBenchmarkRun {

  @TempDir Path tmp;

  @Test
  void measuresTransports() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("loadlens.bench"), "set -Dloadlens.bench=true to run");
    // every 10th read yields 3 meter events (1,000 event messages beside 10,000 batches)
    int eventEvery = Integer.getInteger("loadlens.bench.eventEvery", 10);
    Workload w = new Workload(2000, 5, 96, 200, Duration.ZERO, eventEvery);
    Workload slowSink = new Workload(2000, 5, 96, 200, Duration.ofMillis(20), eventEvery);
    List<Result> results = new ArrayList<>();

    InProcessTransport t = new InProcessTransport(2000, WireCodec.binary());
    results.add(
        TransportBenchmark.run(
            "in-process",
            t::publisher,
            List.of(() -> t.subscriber(500)),
            WireCodec.binary(),
            tmp.resolve("o1"),
            w));

    results.add(MqttBench.run(tmp, w));

    try (KafkaTestCluster cluster = new KafkaTestCluster()) {
      for (Workload wl : List.of(w, slowSink)) {
        for (int consumers = 1; consumers <= 2; consumers++) {
          String topic = "bench-" + consumers + "-" + wl.sinkCommit().toMillis();
          KafkaSettings s =
              KafkaSettings.of(cluster.bootstrapServers())
                  .withTopic(topic, 4)
                  .withEventsTopic(topic + ".events")
                  .withGroup(topic);
          KafkaTopics.ensure(s);
          List<Supplier<io.loadlens.transport.ReadingSubscriber>> subs = new ArrayList<>();
          for (int c = 0; c < consumers; c++) {
            String member = "c" + c;
            subs.add(() -> new KafkaSubscriber(s, member, 500));
          }
          results.add(
              TransportBenchmark.run(
                  "kafka (KRaft in-JVM), sink commit " + wl.sinkCommit().toMillis() + " ms",
                  () -> new KafkaPublisher(s, WireCodec.binary()),
                  subs,
                  WireCodec.binary(),
                  tmp.resolve(topic),
                  wl));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    results.forEach(r -> out.append(r).append('\n'));
    System.out.print(out);
    java.nio.file.Files.writeString(Path.of("target/transport-bench.txt"), out);
    long batches = (long) w.meters() * w.reads();
    long events =
        eventEvery > 0
            ? (batches + eventEvery - 1) / eventEvery * TransportBenchmark.EVENTS_PER_READ
            : 0;
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.readings()).isEqualTo(batches * w.rows());
              assertThat(r.events()).isEqualTo(events);
            });
  }
}
