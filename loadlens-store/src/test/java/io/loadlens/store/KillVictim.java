package io.loadlens.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link CrashSafetyTest}: ingests numbered batches into a store and prints {@code
 * ACK n} after each one is committed, until it is killed.
 */
public final class KillVictim {
  static final int ROWS_PER_BATCH = 500;
  static final int BATCHES = 200;

  private KillVictim() {}

  public static void main(String[] args) {
    Store store = Stores.open(args[0], Path.of("."));
    for (int b = 0; b < BATCHES; b++) {
      store.ingest(List.of(batch(b)));
      System.out.println("ACK " + b);
      System.out.flush();
    }
    store.close();
    System.out.println("DONE");
  }

  /** Batch b: meter "k<b % 7>", intervals [b * ROWS, (b + 1) * ROWS). */
  static io.loadlens.model.ReadingBatch batch(int b) {
    return Fixtures.batch(Fixtures.series("k" + (b % 7), b * ROWS_PER_BATCH, ROWS_PER_BATCH));
  }
}
