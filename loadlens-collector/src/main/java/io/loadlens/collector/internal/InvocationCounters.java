package io.loadlens.collector.internal;

import io.loadlens.model.MeterId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persists the next security-suite-0 invocation counter per meter (DLMS UA 1000-2 Ed. 10, 9.2.7.2:
 * the receiver rejects a counter that does not increase, so a counter must never be reused, even
 * after a restart). One small file per meter under {@code <stateDir>/invocation-counters/},
 * replaced atomically; values only ever grow.
 */
public final class InvocationCounters {
  private final Path dir;
  private final Map<MeterId, Long> cache = new ConcurrentHashMap<>();

  public InvocationCounters(Path stateDir) {
    this.dir = stateDir.resolve("invocation-counters");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state directory " + dir, e);
    }
  }

  /** The next counter to use for the meter: 0 when it has never been used. */
  public long next(MeterId meter) {
    return cache.computeIfAbsent(meter, this::load);
  }

  /** Records that the meter's counter has reached {@code next} (ignored if not larger). */
  public void advance(MeterId meter, long next) {
    cache.compute(
        meter,
        (m, old) -> {
          long current = old == null ? load(m) : old;
          if (next > current) {
            write(m, next);
            return next;
          }
          return current;
        });
  }

  private long load(MeterId meter) {
    Path file = dir.resolve(meter.value());
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return Long.parseLong(text);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read invocation counter " + file, e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "invocation counter file " + file + " does not hold a number: " + e.getMessage(), e);
    }
  }

  private void write(MeterId meter, long value) {
    Path file = dir.resolve(meter.value());
    Path tmp = dir.resolve(meter.value() + ".tmp");
    try {
      Files.writeString(tmp, Long.toString(value) + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write invocation counter " + file, e);
    }
  }
}
