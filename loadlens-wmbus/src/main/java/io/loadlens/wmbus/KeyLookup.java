package io.loadlens.wmbus;

import java.util.Optional;

/** Finds the AES-128 key of a meter by its manufacturer and 8-digit id. */
@FunctionalInterface
public interface KeyLookup {
  KeyLookup NONE = (manufacturer, id) -> Optional.empty();

  Optional<byte[]> key(String manufacturer, String id);

  /** One key for every meter (the decode command's {@code --key}). */
  static KeyLookup single(byte[] key) {
    return (m, id) -> Optional.of(key.clone());
  }
}
