package io.loadlens.transport.outbox;

import io.loadlens.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only outbox: each record is appended to the current segment file and forced to
 * the device before {@link #append} returns; {@link #ack} marks it delivered, and a segment whose
 * records are all delivered is deleted. On {@link #open} the records not yet acknowledged are found
 * again ({@link #pending}), so a broker outage or a restart loses nothing. Acknowledgements are
 * written without forcing: after a crash a few delivered records may be sent again, which the
 * idempotent store absorbs.
 *
 * <p>Thread-safe; appends and acks are serialised.
 */
public final class Outbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final OutboxSettings settings;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final Map<Long, byte[]> pending = new LinkedHashMap<>();
  private long nextSeq;
  private long pendingBytes;
  private long rejected;

  private Outbox(OutboxSettings settings) {
    this.settings = settings;
  }

  /** Opens (or creates) the outbox and recovers the records not yet acknowledged. */
  public static Outbox open(OutboxSettings settings) {
    Outbox o = new Outbox(settings);
    try {
      Files.createDirectories(settings.directory());
      o.recover();
    } catch (IOException e) {
      throw new TransportException("outbox " + settings.directory() + ": cannot open", e);
    }
    return o;
  }

  private void recover() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(settings.directory())) {
      files = s.filter(p -> p.getFileName().toString().endsWith(Segment.SUFFIX)).sorted().toList();
    }
    long last = 0;
    for (Path f : files) {
      Segment seg = Segment.recover(f, pending);
      if (seg.isFullyAcked()) {
        seg.delete();
        last = Math.max(last, seg.lastSeq());
        continue;
      }
      segments.put(seg.baseSeq(), seg);
      last = Math.max(last, seg.lastSeq());
    }
    nextSeq = last + 1;
    for (byte[] b : pending.values()) {
      pendingBytes += b.length;
    }
    if (!pending.isEmpty()) {
      LOG.info(
          "outbox {}: {} undelivered records ({} bytes) recovered for replay",
          settings.directory(),
          pending.size(),
          pendingBytes);
    }
  }

  /** Appends one record durably and returns its sequence number. */
  public long append(byte[] record) {
    return appendAll(List.of(record)).get(0);
  }

  /**
   * Appends the records with one device force and returns their sequence numbers.
   *
   * @throws OutboxFullException when they would take the outbox beyond its limit
   */
  public synchronized List<Long> appendAll(List<byte[]> records) {
    long add = 0;
    for (byte[] r : records) {
      add += r.length + Segment.HEADER;
    }
    long disk = diskBytes();
    if (disk + add > settings.maxBytes()) {
      rejected += records.size();
      String msg =
          "outbox "
              + settings.directory()
              + " is full: "
              + disk
              + " + "
              + add
              + " bytes would exceed maxBytes "
              + settings.maxBytes()
              + " ("
              + pending.size()
              + " records await acknowledgement; is the broker reachable?)";
      LOG.error(msg);
      throw new OutboxFullException(msg);
    }
    List<Long> seqs = new ArrayList<>(records.size());
    try {
      Segment seg = activeSegment();
      for (byte[] r : records) {
        long seq = nextSeq++;
        seg.write(seq, r);
        pending.put(seq, r);
        pendingBytes += r.length;
        seqs.add(seq);
      }
      if (settings.fsync()) {
        seg.force();
      }
    } catch (IOException e) {
      throw new TransportException("outbox " + settings.directory() + ": append failed", e);
    }
    return seqs;
  }

  private Segment activeSegment() throws IOException {
    Map.Entry<Long, Segment> last = segments.lastEntry();
    if (last != null
        && last.getValue().isWritable()
        && last.getValue().sizeBytes() < settings.segmentBytes()) {
      return last.getValue();
    }
    if (last != null) {
      last.getValue().closeForWrites();
      if (last.getValue().isFullyAcked()) {
        segments.remove(last.getKey());
        last.getValue().delete();
      }
    }
    Segment seg = Segment.create(settings.directory(), nextSeq);
    segments.put(nextSeq, seg);
    return seg;
  }

  /** Marks a record delivered; deletes its segment once all its records are delivered. */
  public synchronized void ack(long seq) {
    byte[] r = pending.remove(seq);
    if (r == null) {
      return;
    }
    pendingBytes -= r.length;
    Map.Entry<Long, Segment> e = segments.floorEntry(seq);
    if (e == null) {
      return;
    }
    Segment seg = e.getValue();
    try {
      seg.ack(seq);
      if (seg.isFullyAcked() && !seg.isWritable()) {
        segments.remove(e.getKey());
        seg.delete();
      }
    } catch (IOException ex) {
      throw new TransportException("outbox " + settings.directory() + ": ack failed", ex);
    }
  }

  /** The records not yet acknowledged, oldest first. */
  public synchronized Map<Long, byte[]> pending() {
    return new LinkedHashMap<>(pending);
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  public synchronized long pendingBytes() {
    return pendingBytes;
  }

  /** Records refused because the outbox was full, since it was opened. */
  public synchronized long rejectedCount() {
    return rejected;
  }

  /** Bytes held in segment files. */
  public synchronized long diskBytes() {
    long n = 0;
    for (Segment s : segments.values()) {
      n += s.sizeBytes();
    }
    return n;
  }

  public synchronized int segmentCount() {
    return segments.size();
  }

  @Override
  public synchronized void close() {
    for (Segment s : segments.values()) {
      try {
        s.closeForWrites();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
