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

/** Creates the readings and the events topic when they do not exist. */
public final class KafkaTopics {
  private KafkaTopics() {}

  /** Creates both topics with the configured partitions and replicas; an existing topic is kept. */
  public static void ensure(KafkaSettings s) {
    Properties p = s.clientProperties();
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, s.clientId() + "-admin");
    try (Admin admin = Admin.create(p)) {
      for (String name : List.of(s.topic(), s.eventsTopic())) {
        create(admin, s, name);
      }
    }
  }

  private static void create(Admin admin, KafkaSettings s, String name) {
    try {
      NewTopic t =
          new NewTopic(name, s.partitions(), s.replicationFactor())
              .configs(
                  Map.of(
                      "min.insync.replicas", String.valueOf(Math.min(2, s.replicationFactor()))));
      admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new TransportException("kafka topic " + name + ": creation failed", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while creating kafka topic " + name, e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TransportException(
          "kafka topic "
              + name
              + ": creation timed out ("
              + s.bootstrapServers()
              + " unreachable?)",
          e);
    }
  }
}
