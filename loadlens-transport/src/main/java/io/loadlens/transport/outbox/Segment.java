package io.loadlens.transport.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbox segment: {@code <first seq>.seg} holds records, {@code <first seq>.ack} the sequence
 * numbers acknowledged so far (8 octets each). A record is
 *
 * <pre>
 *   i64 seq | i32 length | i32 CRC-32C of the payload | payload
 * </pre>
 *
 * A torn record at the end (a crash during append) is cut off on recovery.
 */
final class Segment {
  static final String SUFFIX = ".seg";
  static final int HEADER = 16;
  private static final Logger LOG = LoggerFactory.getLogger(Segment.class);

  private final Path file;
  private final Path ackFile;
  private final long baseSeq;
  private long lastSeq;
  private int records;
  private int acked;
  private long size;
  private FileChannel channel;
  private FileChannel ackChannel;

  private Segment(Path file, long baseSeq) {
    this.file = file;
    this.baseSeq = baseSeq;
    this.lastSeq = baseSeq - 1;
    String name = file.getFileName().toString();
    this.ackFile = file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".ack");
  }

  static Segment create(Path dir, long baseSeq) throws IOException {
    Segment s = new Segment(dir.resolve(String.format("%020d%s", baseSeq, SUFFIX)), baseSeq);
    s.channel =
        FileChannel.open(
            s.file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    return s;
  }

  /** Reads a segment, adds its unacknowledged records to {@code pending}, truncates a torn tail. */
  static Segment recover(Path file, Map<Long, byte[]> pending) throws IOException {
    String name = file.getFileName().toString();
    long base = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    Segment s = new Segment(file, base);
    Set<Long> ackedSeqs = new HashSet<>();
    if (Files.exists(s.ackFile)) {
      ByteBuffer acks = ByteBuffer.wrap(Files.readAllBytes(s.ackFile));
      while (acks.remaining() >= 8) {
        ackedSeqs.add(acks.getLong());
      }
    }
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
    long valid = 0;
    while (buf.remaining() >= HEADER) {
      long seq = buf.getLong();
      int len = buf.getInt();
      int crc = buf.getInt();
      if (len < 0 || len > buf.remaining()) {
        break;
      }
      byte[] payload = new byte[len];
      buf.get(payload);
      if (crc(payload) != crc) {
        break;
      }
      valid = buf.position();
      s.records++;
      s.lastSeq = Math.max(s.lastSeq, seq);
      if (ackedSeqs.contains(seq)) {
        s.acked++;
      } else {
        pending.put(seq, payload);
      }
    }
    if (valid < buf.capacity()) {
      LOG.warn(
          "outbox segment {}: cut off a torn record tail of {} bytes at offset {}",
          file,
          buf.capacity() - valid,
          valid);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(valid);
        ch.force(true);
      }
    }
    s.size = valid;
    return s;
  }

  void write(long seq, byte[] payload) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
    b.putLong(seq).putInt(payload.length).putInt(crc(payload)).put(payload).flip();
    while (b.hasRemaining()) {
      channel.write(b);
    }
    size += HEADER + payload.length;
    records++;
    lastSeq = seq;
  }

  void force() throws IOException {
    channel.force(false);
  }

  void ack(long seq) throws IOException {
    if (ackChannel == null) {
      ackChannel =
          FileChannel.open(
              ackFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
    }
    ByteBuffer b = ByteBuffer.allocate(8).putLong(seq).flip();
    while (b.hasRemaining()) {
      ackChannel.write(b);
    }
    acked++;
  }

  boolean isFullyAcked() {
    return acked >= records;
  }

  boolean isWritable() {
    return channel != null;
  }

  long baseSeq() {
    return baseSeq;
  }

  long lastSeq() {
    return lastSeq;
  }

  long sizeBytes() {
    return size;
  }

  void closeForWrites() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  void delete() throws IOException {
    closeForWrites();
    if (ackChannel != null) {
      ackChannel.close();
      ackChannel = null;
    }
    Files.deleteIfExists(file);
    Files.deleteIfExists(ackFile);
  }

  private static int crc(byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(payload);
    return (int) c.getValue();
  }
}
