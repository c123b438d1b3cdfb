package io.loadlens.store;

/**
 * What an ingest call did.
 *
 * @param offered rows in the batches
 * @param inserted rows new to {@code raw_data}
 * @param duplicates rows already stored with the same value
 * @param conflicts rows already stored with a different value (recorded as {@link Conflict})
 */
public record IngestResult(long offered, long inserted, long duplicates, long conflicts) {
  public static final IngestResult NONE = new IngestResult(0, 0, 0, 0);

  public IngestResult plus(IngestResult o) {
    return new IngestResult(
        offered + o.offered,
        inserted + o.inserted,
        duplicates + o.duplicates,
        conflicts + o.conflicts);
  }
}
