package io.loadlens.bench.dlms;

import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemDateTime;
import io.loadlens.dlms.axdr.DataType;
import io.loadlens.dlms.cosem.ProfileBufferDecoder;
import io.loadlens.dlms.cosem.ProfileBufferDecoder.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a Profile Generic buffer of 672 rows (one week of 15-minute intervals) × (clock, status,
 * 4 values), as meters send it: a full date-time on the first row and after each gap, null-data
 * clocks otherwise. Score = rows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfileDecodeBenchmark {
  static final int ROWS = 672;

  byte[] buffer;
  ProfileBufferDecoder decoder;

  @Setup
  public void setup() {
    AxdrWriter w = new AxdrWriter(ROWS * 32);
    w.arrayHeader(ROWS);
    long t0 = Instant.parse("2024-03-01T00:00:00Z").getEpochSecond();
    ZoneId zone = ZoneId.of("Europe/Brussels");
    for (int i = 0; i < ROWS; i++) {
      w.structureHeader(6);
      if (i == 0 || i % 96 == 0) {
        w.octetString(CosemDateTime.of(Instant.ofEpochSecond(t0 + i * 900L), zone).encode());
      } else {
        w.u8(DataType.NULL_DATA.tag());
      }
      w.integer(DataType.UNSIGNED, i % 7 == 0 ? 0x80 : 0);
      w.integer(DataType.DOUBLE_LONG_UNSIGNED, 1_000_000L + i * 37L);
      w.integer(DataType.DOUBLE_LONG_UNSIGNED, 5_000L + i);
      w.integer(DataType.LONG_UNSIGNED, i * 13 % 65535);
      w.integer(DataType.LONG_UNSIGNED, 2300 + i % 40);
    }
    buffer = w.toByteArray();
    decoder =
        new ProfileBufferDecoder(
            new Role[] {Role.CLOCK, Role.STATUS, Role.VALUE, Role.VALUE, Role.VALUE, Role.VALUE},
            new int[] {0, 0, 0, 0, -1, -1},
            900);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public ProfileBufferDecoder.Columns decode672Rows() {
    return decoder.decode(buffer, 0, buffer.length);
  }
}
