package io.loadlens.transport.kafka;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;

/** A one-node KRaft Kafka (combined broker and controller) inside the test JVM; no Docker. */
public final class KafkaTestCluster implements AutoCloseable {
  private final KafkaClusterTestKit kit;

  public KafkaTestCluster() throws Exception {
    this(java.util.Map.of());
  }

  /** With further broker properties (listeners' security, say), applied last. */
  public KafkaTestCluster(java.util.Map<String, String> props) throws Exception {
    KafkaClusterTestKit.Builder b =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "4")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("num.network.threads", "2")
            .setConfigProp("num.io.threads", "2");
    props.forEach(b::setConfigProp);
    kit = b.build();
    kit.format();
    kit.startup();
    kit.waitForReadyBrokers();
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
