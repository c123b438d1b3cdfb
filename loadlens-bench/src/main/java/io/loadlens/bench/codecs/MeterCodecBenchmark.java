package io.loadlens.bench.codecs;

import io.loadlens.iec21.p1.P1Decoder;
import io.loadlens.iec21.p1.P1Telegram;
import io.loadlens.iec21.p1.SmartyFrame;
import io.loadlens.wmbus.KeyLookup;
import io.loadlens.wmbus.TelegramDecoder;
import io.loadlens.wmbus.WMBusTelegram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding throughput of the meter interfaces a gateway listens to, in telegrams per second: DSMR 5
 * and e-MUCS P1 telegrams (CRC, data sets, values in base units), a Smarty frame (AES-GCM
 * decryption, then the same decode), and wM-Bus telegrams with TPL mode 5 (AES-CBC) and ELL
 * (AES-CTR) down to the data records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MeterCodecBenchmark {
  private static final KeyLookup W1_KEYS = KeyLookup.single(Vectors.W1_KEY);
  private static final KeyLookup W4_KEYS = KeyLookup.single(Vectors.W4_KEY);

  @Benchmark
  public P1Telegram p1Dsmr50() {
    return P1Decoder.decode(Vectors.DSMR50);
  }

  @Benchmark
  public P1Telegram p1Emucs171() {
    return P1Decoder.decode(Vectors.EMUCS171);
  }

  @Benchmark
  public P1Telegram p1SmartyDecryptAndDecode() {
    return P1Decoder.decode(
        SmartyFrame.decrypt(Vectors.SMARTY_FRAME, Vectors.SMARTY_KEY, Vectors.SMARTY_AK));
  }

  @Benchmark
  public WMBusTelegram wmbusMode5() {
    return TelegramDecoder.decode(Vectors.W1, W1_KEYS);
  }

  @Benchmark
  public WMBusTelegram wmbusEllAesCtr() {
    return TelegramDecoder.decode(Vectors.W4, W4_KEYS);
  }
}
