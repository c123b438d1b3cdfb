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
 * Results go to the log and to target/transport-bench.txt.
 */
class TransportBenchmarkRun {

  @TempDir Path tmp;

  @Test
  void measuresTransports() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("loadlens.bench"), "set -Dloadlens.bench=true to run");
    Workload w = new Workload(2000, 5, 96, 200, Duration.ZERO);
    Workload slowSink = new Workload(2000, 5, 96, 200, Duration.ofMillis(20));
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
              KafkaSettings.of(cluster.bootstrapServers()).withTopic(topic, 4).withGroup(topic);
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
    assertThat(results)
        .allSatisfy(
            r -> assertThat(r.readings()).isEqualTo((long) w.meters() * w.reads() * w.rows()));
  }
}
