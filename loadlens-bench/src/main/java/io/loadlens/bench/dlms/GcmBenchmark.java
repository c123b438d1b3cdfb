package io.loadlens.bench.dlms;

import io.loadlens.dlms.security.SecurityControl;
import io.loadlens.dlms.security.SecuritySuite0;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Security suite 0 (AES-GCM-128, SC 0x30) protection of an APDU vs the JDK's raw AES-GCM on the
 * same bytes. MB/s = ops/s × size / 10^6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GcmBenchmark {
  static final byte[] EK = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F");
  static final byte[] AK = HexFormat.of().parseHex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
  static final byte[] ST = HexFormat.of().parseHex("4D4D4D0000BC614E");

  @Param({"1024", "65536"})
  int size;

  byte[] plain;
  long ic;

  @Setup
  public void setup() {
    plain = new byte[size];
    for (int i = 0; i < size; i++) {
      plain[i] = (byte) i;
    }
  }

  @Benchmark
  public byte[] suite0Protect() {
    return SecuritySuite0.protect(SecurityControl.AUTH_ENC, ST, ic++ & 0xFFFF_FFFFL, EK, AK, plain);
  }

  @Benchmark
  public byte[] jdkAesGcm() throws Exception {
    byte[] iv = new byte[12];
    long c = ic++;
    iv[8] = (byte) (c >>> 24);
    iv[9] = (byte) (c >>> 16);
    iv[10] = (byte) (c >>> 8);
    iv[11] = (byte) c;
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(EK, "AES"), new GCMParameterSpec(96, iv));
    cipher.updateAAD(AK);
    return cipher.doFinal(plain);
  }
}
