package io.loadlens.transport.codec;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.transport.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The compact binary form of a batch (schema version 1), big-endian:
 *
 * <pre>
 *   'L' 'B'               magic
 *   u8                    schema version (1)
 *   16 octets             batch id (UUID, most then least significant 64 bits)
 *   u8 n, n octets        meter id (ASCII)
 *   u16 n, n octets       source (UTF-8)
 *   i64, i32              read time: epoch seconds, nanoseconds
 *   u16                   number of series, then per series:
 *     6 octets            OBIS code A..F
 *     u8                  unit, DLMS/COSEM unit enumeration (IEC 62056-6-2)
 *     varint              number of rows
 *     varint × rows       capture times: first zig-zag absolute epoch seconds, then zig-zag deltas
 *     f64 × rows          values (IEEE 754)
 *     varint × rows       status
 * </pre>
 *
 * Varints are unsigned LEB128 (7 bits per octet, low first), as in Protocol Buffers.
 */
public final class BinaryBatchCodec implements BatchCodec {

  static final byte MAGIC_0 = 'L';
  static final byte MAGIC_1 = 'B';

  @Override
  public byte[] encode(ReadingBatch batch) {
    byte[] meter = batch.meter().value().getBytes(StandardCharsets.US_ASCII);
    byte[] source = batch.source().getBytes(StandardCharsets.UTF_8);
    if (source.length > 0xFFFF) {
      throw new MalformedMessageException(
          "source: " + source.length + " UTF-8 octets exceed 65535");
    }
    if (batch.series().size() > 0xFFFF) {
      throw new MalformedMessageException(
          "series: " + batch.series().size() + " series exceed 65535");
    }
    ByteWriter w = new ByteWriter(64 + meter.length + source.length + batch.rowCount() * 15);
    w.u8(MAGIC_0).u8(MAGIC_1).u8(SCHEMA_VERSION);
    w.i64(batch.batchId().getMostSignificantBits()).i64(batch.batchId().getLeastSignificantBits());
    w.u8(meter.length).bytes(meter);
    w.u16(source.length).bytes(source);
    w.i64(batch.readAt().getEpochSecond()).i32(batch.readAt().getNano());
    w.u16(batch.series().size());
    for (IntervalSeries s : batch.series()) {
      w.bytes(s.obis().toBytes()).u8(s.unit().dlmsCode()).varint(s.size());
      long previous = 0;
      for (long t : s.epochSeconds()) {
        w.varint(zigzag(t - previous));
        previous = t;
      }
      for (double v : s.values()) {
        w.i64(Double.doubleToRawLongBits(v));
      }
      for (int st : s.status()) {
        w.varint(st & 0xFFFF_FFFFL);
      }
    }
    return w.toByteArray();
  }

  @Override
  public ReadingBatch decode(byte[] payload) {
    ByteReader r = new ByteReader(payload);
    if (r.u8("magic") != (MAGIC_0 & 0xFF) || r.u8("magic") != (MAGIC_1 & 0xFF)) {
      throw new MalformedMessageException("magic: expected 'LB'");
    }
    int version = r.u8("schema");
    if (version != SCHEMA_VERSION) {
      throw new MalformedMessageException(
          "schema: version " + version + " is unknown (this reader knows 1)");
    }
    UUID batchId = new UUID(r.i64("batchId"), r.i64("batchId"));
    String meterText = r.ascii("meter", r.u8("meter length"));
    MeterId meter = Checked.of("meter", meterText, MeterId::new);
    String source = r.utf8("source", r.u16("source length"));
    long seconds = r.i64("readAt");
    int nanos = r.i32("readAt");
    Instant readAt =
        Checked.of("readAt", seconds + "s " + nanos + "ns", x -> instant(seconds, nanos));
    int count = r.u16("series count");
    List<IntervalSeries> series = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      series.add(readSeries(r, meter, "series[" + i + "]."));
    }
    if (r.remaining() != 0) {
      throw new MalformedMessageException(
          "payload: " + r.remaining() + " octets left over after the last series");
    }
    return new ReadingBatch(batchId, meter, source, readAt, series);
  }

  private static IntervalSeries readSeries(ByteReader r, MeterId meter, String path) {
    byte[] obisBytes = r.bytes(path + "obis", 6);
    ObisCode obis = ObisCode.fromBytes(obisBytes);
    int unitCode = r.u8(path + "unit");
    Unit unit =
        Unit.fromDlmsCode(unitCode)
            .orElseThrow(
                () ->
                    new MalformedMessageException(
                        path + "unit: DLMS unit " + unitCode + " unknown"));
    long rows = r.varint(path + "row count");
    // each row takes at least 1 (time) + 8 (value) + 1 (status) octets
    if (rows < 0 || rows > r.remaining() / 10) {
      throw new MalformedMessageException(
          path + "row count: " + rows + " rows cannot fit in " + r.remaining() + " octets");
    }
    int n = (int) rows;
    long[] t = new long[n];
    double[] v = new double[n];
    int[] st = new int[n];
    long previous = 0;
    for (int i = 0; i < n; i++) {
      previous += unzigzag(r.varint(path + "rows[" + i + "] (time)"));
      t[i] = previous;
    }
    for (int i = 0; i < n; i++) {
      v[i] = Double.longBitsToDouble(r.i64(path + "rows[" + i + "] (value)"));
    }
    for (int i = 0; i < n; i++) {
      long s = r.varint(path + "rows[" + i + "] (status)");
      if (s > 0xFFFF_FFFFL) {
        throw new MalformedMessageException(path + "rows[" + i + "] (status): " + s + " > 2^32-1");
      }
      st[i] = (int) s;
    }
    try {
      return new IntervalSeries(meter, obis, unit, t, v, st);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new MalformedMessageException(path + "rows: " + e.getMessage(), e);
    }
  }

  private static Instant instant(long seconds, int nanos) {
    if (nanos < 0 || nanos > 999_999_999) {
      throw new IllegalArgumentException("nanoseconds " + nanos + " outside 0..999999999");
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  @Override
  public String contentType() {
    return "application/vnd.loadlens.batch.v1";
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
