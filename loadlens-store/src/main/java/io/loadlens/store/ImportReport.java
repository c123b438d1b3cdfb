package io.loadlens.store;

import java.util.List;

/**
 * What an import did.
 *
 * @param rowsRead data lines read (header and preamble excluded)
 * @param valuesOffered values handed to the store
 * @param valuesStored values new to the store
 * @param duplicates values the store already had (or the file repeated) with the same value
 * @param conflicts values the store already had with a different value (recorded as conflicts)
 * @param skipped rows deliberately not imported (e.g. estimated values in an export)
 * @param rejected lines that could not be read
 * @param rejections the first reasons, each naming the line number and the field
 */
public record ImportReport(
    long rowsRead,
    long valuesOffered,
    long valuesStored,
    long duplicates,
    long conflicts,
    long skipped,
    long rejected,
    List<String> rejections) {
  public ImportReport {
    rejections = List.copyOf(rejections);
  }
}
