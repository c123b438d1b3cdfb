package io.loadlens.iec21;

import static io.loadlens.model.testing.Mutations.failsOnlyWith;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.iec21.p1.Crc16Arc;
import io.loadlens.iec21.p1.P1Decoder;
import io.loadlens.iec21.p1.P1FrameReader;
import io.loadlens.iec21.p1.P1Reader;
import io.loadlens.iec21.p1.SmartyFrame;
import io.loadlens.iec21.p1.SmartyKeys;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.testing.Mutations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and random edits of the real vectors (src/test/resources/p1, the Logarex readout):
 * only {@link Iec21Exception} may escape a decoder, and no decode may hang.
 */
class DecoderFuzzTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-03-01T12:00:00Z");
  private static final SmartyKeys SMARTY =
      SmartyKeys.luxembourg("D491470F47126332B07D1923B3504188");

  static byte[] resource(String name) {
    try (InputStream in = DecoderFuzzTest.class.getResourceAsStream("/p1/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] smartyFrame() {
    return HexFormat.of()
        .parseHex(new String(resource("smarty-encrypted.hex"), StandardCharsets.US_ASCII).strip());
  }

  static List<byte[]> telegrams() {
    return List.of(
        resource("dsmr42-kaifa-ma105.txt"),
        resource("dsmr50-iskra-am550.txt"),
        resource("emucs171-fluvius-example.txt"),
        SmartyFrame.decrypt(smartyFrame(), SMARTY.encryptionKey(), SMARTY.authenticationKey()));
  }

  static byte[] logarex() {
    FakeModeCMeter m = ModeCClientTest.logarex(FakeModeCMeter.Fault.NONE);
    byte[] id = "/LOG5LK13BE803039\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] data = m.dataMessage();
    byte[] all = java.util.Arrays.copyOf(id, id.length + data.length);
    System.arraycopy(data, 0, all, id.length, data.length);
    return all;
  }

  @Provide
  Arbitrary<byte[]> mutatedTelegrams() {
    return Arbitraries.oneOf(
        Mutations.of(telegrams()),
        Mutations.random(
            2048, (byte) '/', (byte) '!', (byte) '(', (byte) ')', (byte) '*', (byte) '\n'));
  }

  @Provide
  Arbitrary<byte[]> mutatedSmartyFrames() {
    return Arbitraries.oneOf(
        Mutations.of(List.of(smartyFrame())),
        Mutations.random(700, (byte) 0xDB, (byte) 0x08, (byte) 0x82, (byte) 0x30));
  }

  @Provide
  Arbitrary<byte[]> mutatedReadouts() {
    return Arbitraries.oneOf(
        Mutations.of(List.of(logarex())),
        Mutations.random(512, (byte) 2, (byte) 3, (byte) '/', (byte) '(', (byte) ')', (byte) '\n'));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void p1DecoderThrowsOnlyIec21Exception(@ForAll("mutatedTelegrams") byte[] telegram) {
    failsOnlyWith(Iec21Exception.class, () -> P1Decoder.decode(telegram, NOW));
    failsOnlyWith(Iec21Exception.class, () -> P1Decoder.decode(telegram));
  }

  /**
   * Edits behind a valid CRC: the CRC is recomputed after the edits, so the decoder gets past it
   * and into the data sets.
   */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void p1DecoderThrowsOnlyIec21ExceptionForEditsBehindAValidCrc(
      @ForAll("mutatedTelegrams") byte[] telegram) {
    byte[] fixed = withValidCrc(telegram);
    failsOnlyWith(Iec21Exception.class, () -> P1Decoder.decode(fixed, NOW));
  }

  /** Edits behind a valid BCC. */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void modeCReadoutThrowsOnlyIec21ExceptionForEditsBehindAValidBcc(
      @ForAll("mutatedReadouts") byte[] readout) {
    byte[] fixed = withValidBcc(readout);
    failsOnlyWith(Iec21Exception.class, () -> ModeCReadout.decode(fixed));
  }

  /** Found by the property above: the history's column code was parsed unchecked. */
  @Test
  void reportsAMalformedHistoryColumnCodeAsAnIec21ExceptionNamingTheLine() {
    String fluvius =
        new String(resource("emucs171-fluvius-example.txt"), StandardCharsets.ISO_8859_1)
            .replace("(3)(1-0:1.6.0)", "(3)(X-0:1.6.0)");
    byte[] t = withValidCrc(fluvius.getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> P1Decoder.decode(t))
        .isInstanceOf(Iec21Exception.class)
        .hasMessageStartingWith("line 12: 0-0:98.1.0 column: not an OBIS code: 'X-0:1.6.0'");
  }

  static byte[] withValidCrc(byte[] t) {
    int slash = indexOf(t, (byte) '/', 0);
    int bang = slash < 0 ? -1 : indexOf(t, (byte) '!', slash);
    if (bang < 0) {
      return t;
    }
    byte[] out = java.util.Arrays.copyOf(t, Math.max(t.length, bang + 5));
    String crc = String.format("%04X", Crc16Arc.compute(out, slash, bang - slash + 1));
    System.arraycopy(crc.getBytes(StandardCharsets.US_ASCII), 0, out, bang + 1, 4);
    return out;
  }

  static byte[] withValidBcc(byte[] r) {
    int stx = indexOf(r, ModeCReadout.STX, 0);
    int etx = stx < 0 ? -1 : indexOf(r, ModeCReadout.ETX, stx + 1);
    if (etx < 0) {
      return r;
    }
    byte[] out = java.util.Arrays.copyOf(r, Math.max(r.length, etx + 2));
    out[etx + 1] = (byte) ModeCReadout.bcc(out, stx + 1, etx);
    return out;
  }

  private static int indexOf(byte[] d, byte b, int from) {
    for (int i = from; i < d.length; i++) {
      if (d[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void smartyFrameThrowsOnlyIec21Exception(@ForAll("mutatedSmartyFrames") byte[] frame) {
    failsOnlyWith(
        Iec21Exception.class,
        () -> SmartyFrame.decrypt(frame, SMARTY.encryptionKey(), SMARTY.authenticationKey()));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void modeCReadoutThrowsOnlyIec21Exception(@ForAll("mutatedReadouts") byte[] readout) {
    failsOnlyWith(Iec21Exception.class, () -> ModeCReadout.decode(readout));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void dataSetParserThrowsOnlyIec21Exception(@ForAll("mutatedTelegrams") byte[] telegram) {
    String text = new String(telegram, StandardCharsets.ISO_8859_1);
    failsOnlyWith(
        Iec21Exception.class,
        () -> {
          String[] lines = text.split("\r?\n");
          for (int i = 0; i < lines.length; i++) {
            for (DataSet s : DataSetParser.parseLine(lines[i], i + 1)) {
              s.obis();
            }
          }
        });
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void modeCClientThrowsOnlyIec21Exception(@ForAll("mutatedReadouts") byte[] answer) {
    failsOnlyWith(
        Iec21Exception.class,
        () -> {
          ModeCClient c = new ModeCClient(ModeCClient.Options.defaults());
          c.start();
          c.receive(answer);
          c.timeout(java.time.Duration.ofMillis(1500));
        });
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void modeEClientThrowsOnlyIec21Exception(@ForAll("mutatedReadouts") byte[] answer) {
    failsOnlyWith(
        Iec21Exception.class,
        () -> {
          ModeCClient c = new ModeCClient(ModeCClient.Options.defaults().withHdlc());
          c.start();
          c.receive(answer);
          c.timeout(java.time.Duration.ofMillis(1500));
        });
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void p1ReaderSurvivesAnyStreamAndSplitsItWithoutEscapingErrors(
      @ForAll("mutatedTelegrams") byte[] a, @ForAll("mutatedSmartyFrames") byte[] b) {
    byte[] stream = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, stream, a.length, b.length);
    failsOnlyWith(
        NoSuchFieldException.class, // i.e. nothing may escape
        () -> {
          P1Reader.Listener ignore = (ReadingBatch batch, io.loadlens.iec21.p1.P1Telegram t) -> {};
          new P1Reader(P1Reader.Config.plain(), ignore, InstantSource.fixed(Instant.EPOCH))
              .run(new ByteArrayInputStream(stream));
        });
    failsOnlyWith(
        Iec21Exception.class,
        () -> {
          P1FrameReader r = new P1FrameReader(new ByteArrayInputStream(stream), true);
          while (r.next().isPresent()) {
            // drain
          }
        });
  }
}
