package io.loadlens.transport;

import java.util.List;

/**
 * The ingest side of a transport. It hands received messages to a {@link MessageHandler} in groups
 * and acknowledges them to the broker only after the handler returned normally; when the handler
 * throws, or the subscriber is closed first, the messages stay unacknowledged and are delivered
 * again (to this subscriber or to its successor with the same session / consumer group).
 */
public interface ReadingSubscriber extends AutoCloseable {

  /** Starts delivering messages on the subscriber's own thread; call once. */
  void start(MessageHandler handler);

  /** Stops delivering; unacknowledged messages are delivered again later. */
  @Override
  void close();

  /** Receives messages; returning acknowledges them all. */
  @FunctionalInterface
  interface MessageHandler {
    void onMessages(List<InboundMessage> messages) throws Exception;
  }
}
