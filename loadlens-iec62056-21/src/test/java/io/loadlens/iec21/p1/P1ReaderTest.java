package io.loadlens.iec21.p1;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.iec21.Iec21Exception;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors: src/test/resources/p1 (see SOURCES.md). */
class P1ReaderTest {
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2024-03-01T12:00:00Z"));
  private static final SmartyKeys SMARTY =
      SmartyKeys.luxembourg("D491470F47126332B07D1923B3504188");

  /** Collects what the reader hands out. */
  static class Collector implements P1Reader.Listener {
    final List<ReadingBatch> readings = new ArrayList<>();
    final List<ReadingBatch> rows = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void onReadings(ReadingBatch batch, P1Telegram telegram) {
      readings.add(batch);
    }

    @Override
    public void onProfileRow(ReadingBatch row) {
      rows.add(row);
    }

    @Override
    public void onBadTelegram(Iec21Exception error) {
      errors.add(error.getMessage());
    }
  }

  /** Hands out at most {@code max} bytes per read, as a slow serial port does. */
  static InputStream chunked(byte[] data, int max) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, max));
      }
    };
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MAX_VALUE, 1, 3})
  void readsPlainTelegramsReportingACorruptOneAndGoingOn(int chunk) throws Exception {
    byte[] kaifa = P1DecoderTest.resource("dsmr42-kaifa-ma105.txt");
    byte[] iskra = P1DecoderTest.resource("dsmr50-iskra-am550.txt");
    byte[] fluvius = P1DecoderTest.resource("emucs171-fluvius-example.txt");
    byte[] corrupt = kaifa.clone();
    corrupt[100] ^= 0x01;
    byte[] stream =
        concat(Arrays.copyOfRange(iskra, 300, iskra.length), kaifa, corrupt, iskra, fluvius);
    Collector c = new Collector();
    P1Reader reader = new P1Reader(P1Reader.Config.plain(), c, CLOCK);
    P1Reader.Stats stats = reader.run(chunked(stream, chunk));
    assertThat(stats.telegrams()).isEqualTo(3);
    assertThat(stats.badTelegrams()).isEqualTo(1);
    assertThat(c.errors).singleElement().asString().startsWith("P1 CRC: actual 0x");
    assertThat(stats.lastError()).contains(c.errors.get(0));
    assertThat(c.readings)
        .extracting(b -> b.meter().value())
        .containsExactly(
            "p1-3960221976967177082151037881335713", "p1-K8EG004046395507", "p1-1SAG3101021605");
    assertThat(c.readings.get(1).readAt()).isEqualTo(CLOCK.instant());
    assertThat(c.readings.get(1).series())
        .filteredOn(s -> s.obis().equals(ObisCode.ACTIVE_ENERGY_EXPORT))
        .singleElement()
        .satisfies(s -> assertThat(s.values()).containsExactly(2444.0));
    assertThat(c.rows).hasSize(3);
    assertThat(c.rows.get(2).series().get(0).epochSeconds())
        .containsExactly(Instant.parse("2020-05-12T11:45:00Z").getEpochSecond());
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MAX_VALUE, 1, 7})
  void splitsAndDecryptsSmartyFramesByTheirLengthField(int chunk) throws Exception {
    byte[] frame = SmartyFrameTest.frame();
    byte[] noise = {0x00, (byte) 0xDB, 0x07, '/', 0x55};
    byte[] stream = concat(Arrays.copyOfRange(frame, 200, frame.length), noise, frame, frame);
    Collector c = new Collector();
    P1Reader reader =
        new P1Reader(new P1Reader.Config(Optional.empty(), Optional.of(SMARTY), 15), c, CLOCK);
    P1Reader.Stats stats = reader.run(chunked(stream, chunk));
    assertThat(stats.telegrams()).isEqualTo(2);
    assertThat(c.readings)
        .allSatisfy(b -> assertThat(b.meter()).isEqualTo(MeterId.of("p1-SAG1030700114004")));
    assertThat(c.readings.get(0).series())
        .filteredOn(s -> s.obis().equals(ObisCode.ACTIVE_ENERGY_IMPORT))
        .singleElement()
        .satisfies(s -> assertThat(s.values()).containsExactly(6695.0));
    assertThat(c.rows).hasSize(1); // the same telegram twice: one boundary
    assertThat(stats.badTelegrams()).isEqualTo(c.errors.size());
  }

  @Test
  void reportsEncryptedFramesWithoutAKeyAndWithAWrongOneAsBad() throws Exception {
    byte[] frame = SmartyFrameTest.frame();
    Collector none = new Collector();
    new P1Reader(P1Reader.Config.plain(), none, CLOCK).run(new ByteArrayInputStream(frame));
    assertThat(none.errors)
        .containsExactly("P1 stream: encrypted (Smarty) frame but no decryption key is configured");

    Collector wrong = new Collector();
    SmartyKeys wrongKey = SmartyKeys.luxembourg("D491470F47126332B07D1923B3504100");
    new P1Reader(new P1Reader.Config(Optional.empty(), Optional.of(wrongKey), 15), wrong, CLOCK)
        .run(new ByteArrayInputStream(concat(frame, frame)));
    assertThat(wrong.errors)
        .hasSize(2)
        .allMatch(e -> e.equals("Smarty frame: GCM tag check failed (wrong key or altered frame)"));
    assertThat(wrong.readings).isEmpty();
  }

  @Test
  void usesTheConfiguredMeterIdAndTheReceiveTimeForTelegramsWithoutOne() throws Exception {
    String dsmr22 =
        "/ISk5\\2MT382-1004\r\n\r\n0-0:96.1.1(00000000000000)\r\n1-0:1.8.1(00001.001*kWh)\r\n"
            + "1-0:1.8.2(00001.001*kWh)\r\n!\r\n";
    Collector c = new Collector();
    P1Reader reader =
        new P1Reader(
            new P1Reader.Config(Optional.of(MeterId.of("home")), Optional.empty(), 15), c, CLOCK);
    reader.run(
        new ByteArrayInputStream(dsmr22.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertThat(c.readings)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.meter()).isEqualTo(MeterId.of("home"));
              assertThat(b.series())
                  .filteredOn(s -> s.obis().equals(ObisCode.ACTIVE_ENERGY_IMPORT))
                  .singleElement()
                  .satisfies(
                      s ->
                          assertThat(s.epochSeconds())
                              .containsExactly(CLOCK.instant().getEpochSecond()));
            });
    assertThat(c.rows).isEmpty(); // no telegram time, no profile boundary
  }

  @Test
  void refusesAnOversizedFrameAndRecoversAtTheNextTelegram() throws Exception {
    byte[] huge = new byte[P1StreamReader.MAX_TELEGRAM_BYTES + 10];
    Arrays.fill(huge, (byte) 'x');
    huge[0] = '/';
    byte[] kaifa = P1DecoderTest.resource("dsmr42-kaifa-ma105.txt");
    Collector c = new Collector();
    new P1Reader(P1Reader.Config.plain(), c, CLOCK)
        .run(new ByteArrayInputStream(concat(huge, kaifa)));
    assertThat(c.errors).singleElement().asString().contains("exceeds 16384 bytes");
    assertThat(c.readings).hasSize(1);
  }

  @Test
  void reopensThePortAfterItEndsOrFailsUntilStopped() throws Exception {
    byte[] kaifa = P1DecoderTest.resource("dsmr42-kaifa-ma105.txt");
    byte[] iskra = P1DecoderTest.resource("dsmr50-iskra-am550.txt");
    List<String> streamErrors = new ArrayList<>();
    Collector c =
        new Collector() {
          @Override
          public void onStreamError(IOException error) {
            streamErrors.add(error.getMessage());
          }
        };
    P1Reader reader = new P1Reader(P1Reader.Config.plain(), c, CLOCK);
    java.util.concurrent.atomic.AtomicInteger opens =
        new java.util.concurrent.atomic.AtomicInteger();
    P1Reader.Opener opener =
        () ->
            switch (opens.incrementAndGet()) {
              case 1 -> new ByteArrayInputStream(kaifa);
              case 2 -> throw new IOException("connection refused");
              case 3 -> new ByteArrayInputStream(iskra);
              default -> {
                reader.stop();
                yield InputStream.nullInputStream();
              }
            };
    P1Reader.Stats stats = reader.runReconnecting(opener, java.time.Duration.ZERO);
    assertThat(stats.telegrams()).isEqualTo(2);
    assertThat(streamErrors).containsExactly("connection refused");
    assertThat(opens.get()).isEqualTo(4);
  }

  @Test
  void neverPrintsSmartyKeys() {
    assertThat(SMARTY.toString()).isEqualTo("SmartyKeys[hidden]");
  }
}
