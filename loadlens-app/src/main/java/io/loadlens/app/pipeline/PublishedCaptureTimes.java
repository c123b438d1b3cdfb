package io.loadlens.app.pipeline;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a gateway, which has no store, resumes each meter: the last capture time of the energy
 * register in every batch it put into its durable outbox, saved to {@code capture-times.properties}
 * after each pass (written to a temporary file and moved, so a crash leaves the old file).
 */
public final class PublishedCaptureTimes {
  private final Path file;
  private final Map<MeterId, Instant> last = new ConcurrentHashMap<>();

  public PublishedCaptureTimes(Path stateDir) {
    this.file = stateDir.resolve("capture-times.properties");
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      p.forEach((k, v) -> last.put(MeterId.of((String) k), Instant.parse((String) v)));
    }
  }

  public Optional<Instant> lastCaptureTime(MeterId meter) {
    return Optional.ofNullable(last.get(meter));
  }

  /** Notes a batch that is now in the outbox. */
  public void published(ReadingBatch batch) {
    for (IntervalSeries s : batch.series()) {
      if (s.obis().equals(ObisCode.ACTIVE_ENERGY_IMPORT) && !s.isEmpty()) {
        Instant t = s.time(s.size() - 1);
        last.merge(batch.meter(), t, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
  }

  public void save() {
    Properties p = new Properties();
    new TreeMap<>(last).forEach((k, v) -> p.setProperty(k.value(), v.toString()));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(out, "last capture time per meter handed to the outbox");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
