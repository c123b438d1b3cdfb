package io.loadlens.bench.dlms;

import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcControl;
import io.loadlens.dlms.hdlc.HdlcDecoder;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.hdlc.Segmenter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HDLC framing of a 64 KiB APDU stream in 256-octet information fields (the usual negotiated size):
 * encode (HCS + FCS) and decode (flag search, HCS + FCS check). MB/s = ops/s × 65536 / 10^6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HdlcBenchmark {
  static final int SIZE = 65536;
  static final HdlcAddress SERVER = HdlcAddress.server(1, 17);
  static final HdlcAddress CLIENT = HdlcAddress.client(16);

  List<byte[]> segments;
  byte[] stream;

  @Setup
  public void setup() {
    byte[] data = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      data[i] = (byte) (i * 31);
    }
    segments = Segmenter.split(data, 256);
    stream = encode64k();
  }

  @Benchmark
  public byte[] encode64k() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + SIZE / 16);
    for (int i = 0; i < segments.size(); i++) {
      out.writeBytes(
          new HdlcFrame(
                  CLIENT,
                  SERVER,
                  HdlcControl.information(0, i, true),
                  i < segments.size() - 1,
                  segments.get(i))
              .encode());
    }
    return out.toByteArray();
  }

  @Benchmark
  public int decode64k() {
    return new HdlcDecoder().feed(stream, 0, stream.length).size();
  }
}
