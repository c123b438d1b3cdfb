package io.loadlens.transport.kafka;

import io.loadlens.transport.InboundMessage;
import io.loadlens.transport.ReadingSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of the ingest consumer group, subscribed to the readings and the events topic: polls,
 * hands the records to the handler, and commits the offsets only after the handler returned (the
 * sink committed). When the handler throws or the consumer is closed first, the offsets stay where
 * they were and the records are consumed again by whichever member owns the partition next. One
 * thread per subscriber (the consumer is not thread-safe); scale out with more subscribers in the
 * same group, up to the partition count. The consumer does not create missing topics (they would
 * get the broker's default partition count): call {@link KafkaTopics#ensure} first.
 */
public final class KafkaSubscriber implements ReadingSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscriber.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final String eventsTopic;
  private volatile boolean closed;
  private Thread thread;

  /**
   * @param memberSuffix distinguishes members of the group in logs and client ids
   * @param maxBatch most records per poll
   */
  public KafkaSubscriber(KafkaSettings s, String memberSuffix, int maxBatch) {
    Properties p = s.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, s.clientId() + "-consumer-" + memberSuffix);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxBatch));
    p.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // a topic the consumer created would get the broker's default partition count, not ours:
    // wait for KafkaTopics.ensure (gateway or ingest start) instead
    p.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = s.topic();
    this.eventsTopic = s.eventsTopic();
  }

  @Override
  public void start(MessageHandler handler) {
    thread = Thread.ofPlatform().daemon().name("loadlens-kafka-ingest").start(() -> loop(handler));
  }

  private void loop(MessageHandler handler) {
    try {
      consumer.subscribe(List.of(topic, eventsTopic));
      while (!closed) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          continue;
        }
        List<InboundMessage> messages = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
          messages.add(
              new InboundMessage(
                  r.topic() + "-" + r.partition() + "@" + r.offset(),
                  r.value() == null ? new byte[0] : r.value(),
                  r.topic().equals(eventsTopic)
                      ? InboundMessage.Channel.EVENTS
                      : InboundMessage.Channel.READINGS));
          offsets.put(
              new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        handler.onMessages(messages);
        if (closed) {
          return; // stopped during the handler: do not commit
        }
        consumer.commitSync(offsets);
      }
    } catch (WakeupException e) {
      // closing
    } catch (Exception e) {
      LOG.warn("kafka ingest: stopped with uncommitted records: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    if (thread != null) {
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
