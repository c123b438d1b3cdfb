package io.loadlens.wmbus.receiver;

import io.loadlens.wmbus.MessageCounters;
import io.loadlens.wmbus.WMBusConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The receiver's message counters in a small text file, so that replay protection survives a
 * restart. One line per meter, {@code MAN-ID COUNTER [FINGERPRINT,...]}, after a header line:
 *
 * <pre>
 * # loadlens wM-Bus message counters v1
 * ELS-12345678 2739 3F1C...(64 hex),9A0B...
 * </pre>
 *
 * A missing file is an empty state. {@link #save()} writes a temporary file next to it, forces it
 * to disk and renames it over the old one atomically, so a crash leaves the old or the new state,
 * never half of one. Not thread-safe itself (one saver); the counters are.
 */
public final class CounterFile {
  static final String HEADER = "# loadlens wM-Bus message counters v1";

  private final Path file;
  private final MessageCounters counters;
  private long savedChanges;

  private CounterFile(Path file, MessageCounters counters) {
    this.file = file;
    this.counters = counters;
  }

  /**
   * Loads the state from {@code file} (empty when it does not exist yet).
   *
   * @throws WMBusConfigException when the file cannot be read or a line is malformed (naming the
   *     file and line)
   */
  public static CounterFile open(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return new CounterFile(file, new MessageCounters());
    } catch (IOException e) {
      throw new WMBusConfigException("wM-Bus counter file " + file + " cannot be read: " + e, e);
    }
    List<MessageCounters.Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "wM-Bus counter file " + file + " line " + (i + 1);
      String[] f = line.split("\\s+");
      if (f.length < 2 || f.length > 3) {
        throw new WMBusConfigException(where + ": expected MAN-ID COUNTER [FINGERPRINT,...]");
      }
      try {
        long counter = Long.parseLong(f[1]);
        List<String> recent = f.length == 3 ? Arrays.asList(f[2].split(",")) : List.of();
        entries.add(new MessageCounters.Entry(f[0], counter, recent));
      } catch (IllegalArgumentException e) {
        throw new WMBusConfigException(where + ": " + e.getMessage(), e);
      }
    }
    try {
      return new CounterFile(file, new MessageCounters(entries));
    } catch (IllegalArgumentException e) {
      throw new WMBusConfigException("wM-Bus counter file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The counters to give the receiver; {@link #save()} writes what they hold. */
  public MessageCounters counters() {
    return counters;
  }

  public Path file() {
    return file;
  }

  /** Saves when a counter was accepted since the last save; returns whether it wrote. */
  public boolean saveIfChanged() {
    long changes = counters.changes();
    if (changes == savedChanges) {
      return false;
    }
    save();
    savedChanges = changes;
    return true;
  }

  /** Writes the state atomically (temporary file, fsync, rename). */
  public void save() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (MessageCounters.Entry e : counters.snapshot()) {
      text.append(e.meter()).append(' ').append(e.counter());
      if (!e.recent().isEmpty()) {
        text.append(' ').append(String.join(",", e.recent()));
      }
      text.append('\n');
    }
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII)));
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new UncheckedIOException(
            new IOException("wM-Bus counter file " + file + ": atomic rename not supported", e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("wM-Bus counter file " + file + " cannot be written: " + e, e));
    }
  }
}
