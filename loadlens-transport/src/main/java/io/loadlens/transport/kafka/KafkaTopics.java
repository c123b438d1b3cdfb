package io.loadlens.transport.kafka;

import io.loadlens.transport.TransportException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the readings topic when it does not exist. */
public final class KafkaTopics {
  private KafkaTopics() {}

  /** Creates the topic with the configured partitions and replicas; an existing topic is kept. */
  public static void ensure(KafkaSettings s) {
    Properties p = new Properties();
    p.putAll(s.extra());
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, s.clientId() + "-admin");
    try (Admin admin = Admin.create(p)) {
      NewTopic t =
          new NewTopic(s.topic(), s.partitions(), s.replicationFactor())
              .configs(
                  Map.of(
                      "min.insync.replicas", String.valueOf(Math.min(2, s.replicationFactor()))));
      admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new TransportException(
            "kafka.topic " + s.topic() + ": creation failed", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while creating kafka topic " + s.topic(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TransportException(
          "kafka.topic "
              + s.topic()
              + ": creation timed out ("
              + s.bootstrapServers()
              + " unreachable?)",
          e);
    }
  }
}
