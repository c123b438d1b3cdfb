package io.loadlens.server.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a report file as a whole: the content is written to a temporary file beside it and moved
 * over it, so a browser or a copy job that reads the report while a new one is written sees the old
 * one or the new one, never half of either.
 */
final class AtomicFile {
  private AtomicFile() {}

  /** What writes the content to a path. */
  @FunctionalInterface
  interface Content {
    void writeTo(Path file) throws IOException;
  }

  static void replace(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      content.writeTo(tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
