/**
 * Reading transport between the collection side (gateway / head-end) and the meter-data side
 * (ingest), for reading batches and meter events: the message schemas ({@link
 * io.loadlens.transport.codec}), a durable outbox ({@link io.loadlens.transport.outbox}), and three
 * transports behind {@link ReadingPublisher} and {@link ReadingSubscriber}: in-process, MQTT (v5
 * and v3.1.1 over TLS) and Kafka. Delivery is at least once; the store's upsert on (meter, OBIS,
 * capture time) makes it exactly once in effect.
 *
 * <p>Entry points: {@link Gateway} (outbox + publisher) and {@link IngestService} (subscriber to a
 * {@link BatchSink}).
 */
package io.loadlens.transport;
