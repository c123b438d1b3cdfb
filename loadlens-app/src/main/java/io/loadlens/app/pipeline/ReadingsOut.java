package io.loadlens.app.pipeline;

import io.loadlens.model.ReadingBatch;

/**
 * Where a listening command puts the readings of meters that send by themselves: the store directly
 * ({@link BatchWriter}) or, in a split deployment, a broker through a durable outbox ({@link
 * OutboxSender}).
 */
public interface ReadingsOut extends AutoCloseable {
  /** Takes one batch; it is durable when this returns or at the next {@link #flush}. */
  void add(ReadingBatch batch);

  /** Pushes what was added so far to its destination (a store commit, broker acknowledgements). */
  void flush();

  /** One line on what happened to the readings so far, for the operator. */
  String summary();

  /** Flushes and releases what this output holds. */
  @Override
  void close();

  /** {@code out}, also closing {@code owned} (the store it writes to) when it is closed. */
  static ReadingsOut closing(ReadingsOut out, AutoCloseable owned) {
    return new ReadingsOut() {
      @Override
      public void add(ReadingBatch batch) {
        out.add(batch);
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public String summary() {
        return out.summary();
      }

      @Override
      public void close() {
        try (owned) {
          out.close();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("closing " + owned + ": " + e.getMessage(), e);
        }
      }
    };
  }
}
