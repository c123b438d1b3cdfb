package io.loadlens.wmbus;

import static io.loadlens.model.testing.Mutations.failsOnlyWith;

import io.loadlens.model.testing.Mutations;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random bytes and random edits of the real telegrams (TelegramDecoderTest's W1..W17 and the mode 7
 * telegram built in SecurityAndFrameTest): only {@link WMBusException} may escape, no decode may
 * hang. Edits are tried both as they are (the link-layer and crypto checks catch most) and behind
 * valid checks: plain telegrams without DLL CRCs, and the decrypted application data fed straight
 * to the record decoder.
 */
class DecoderFuzzTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final KeyLookup KEYS =
      WMBusReceiverTest.KEYS
          .key("ELS", "12345678")
          .map(k -> (KeyLookup) WMBusReceiverTest.KEYS)
          .orElseThrow();

  static List<byte[]> telegrams() {
    return List.of(
        HEX.parseHex(WMBusReceiverTest.W1),
        HEX.parseHex(WMBusReceiverTest.W4),
        HEX.parseHex(WMBusReceiverTest.W7),
        HEX.parseHex(WMBusReceiverTest.W8),
        HEX.parseHex(WMBusReceiverTest.W17),
        HEX.parseHex(
            "2E4493157856341233037A2A0000002F2F0C1427048502046D32371F1502FD1700002F2F2F2F2F2F2F2F2F2F2F2F2F"),
        HEX.parseHex(
            "4644a205440000570c377244000057a2050c37a3003005d898c64fd0c9bd2634365084e4df946736c71a2103e45a190caa1a49b602e46c9f45fcee79afbe34f0c167fd857f659e"),
        SecurityAndFrameTest.mode7Telegram(HEX.parseHex("000102030405060708090A0B0C0D0E0F")),
        AflTelegrams.whole(2739, 0x2A),
        AflTelegrams.fragments(2739, -1, 14, 12).get(0),
        AflTelegrams.fragments(2739, -1, 14, 12).get(1));
  }

  /** The fragments of constructed AFL messages, for reassembly. */
  static List<byte[]> fragments() {
    List<byte[]> all = new java.util.ArrayList<>(AflTelegrams.fragments(2739, -1, 14, 12));
    all.addAll(AflTelegrams.fragments(2740, -1, 2, 2, 30));
    all.add(AflTelegrams.whole(2741, 0x2A));
    return all;
  }

  @Provide
  Arbitrary<List<byte[]>> fragmentSequences() {
    return Arbitraries.oneOf(
            Mutations.of(fragments()), Arbitraries.of(fragments()), Arbitraries.of(fragments()))
        .list()
        .ofMaxSize(12);
  }

  /** Application data: the decoded payloads of W3, W4 (after ELL) and W17. */
  static List<byte[]> payloads() {
    return List.of(
        HEX.parseHex("2F2F0C1427048502046D32371F1502FD1700002F2F2F2F2F2F2F2F2F2F2F2F2F"),
        HEX.parseHex("02FF207100041308190000441308190000615B7F616713"),
        HEX.parseHex("0C06000000000C14000000000C22224101000B5A4102000B5E4000F0"),
        HEX.parseHex(
            "0DFD1120" + "41424344454647484950515253545556575859606162636465666768697071"));
  }

  @Provide
  Arbitrary<byte[]> mutatedTelegrams() {
    return Arbitraries.oneOf(
        Mutations.of(telegrams()),
        Mutations.random(300, (byte) 0x44, (byte) 0x7A, (byte) 0x72, (byte) 0x8D, (byte) 0x90));
  }

  @Provide
  Arbitrary<byte[]> mutatedPayloads() {
    return Arbitraries.oneOf(
        Mutations.of(payloads()),
        Mutations.random(
            200, (byte) 0x0C, (byte) 0x0D, (byte) 0xFD, (byte) 0x8C, (byte) 0x2F, (byte) 0x7C));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void telegramDecoderThrowsOnlyWMBusException(@ForAll("mutatedTelegrams") byte[] frame) {
    failsOnlyWith(WMBusException.class, () -> TelegramDecoder.decode(frame, KEYS));
    failsOnlyWith(WMBusException.class, () -> TelegramDecoder.decode(frame, KeyLookup.NONE));
  }

  /** With L set to fit, so the edits reach past the link layer. */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void telegramDecoderThrowsOnlyWMBusExceptionPastTheLinkLayer(
      @ForAll("mutatedTelegrams") byte[] frame) {
    if (frame.length == 0) {
      return;
    }
    byte[] fitted = frame.clone();
    fitted[0] = (byte) (fitted.length - 1);
    failsOnlyWith(WMBusException.class, () -> TelegramDecoder.decode(fitted, KEYS));
    failsOnlyWith(
        WMBusException.class,
        () ->
            WMBusReadings.toBatch(
                TelegramDecoder.decode(fitted, KEYS), Instant.EPOCH, ZoneOffset.UTC));
  }

  /**
   * Any sequence of real and edited fragments, in any order and repeated, through the reassembly
   * and the replay check: nothing but WMBusException, memory within the limits.
   */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void reassemblyAndReplayCheckThrowOnlyWMBusException(
      @ForAll("fragmentSequences") List<byte[]> frames) {
    KeyLookup keys = KeyLookup.single(AflTelegrams.KEY);
    AflReassembler reassembler =
        new AflReassembler(
            keys, new AflReassembler.Limits(2, 512, java.time.Duration.ofSeconds(5)));
    MessageCounters counters = new MessageCounters();
    Instant[] now = {Instant.EPOCH};
    failsOnlyWith(
        NoSuchFieldException.class, // i.e. nothing may escape
        () -> {
          for (byte[] frame : frames) {
            now[0] = now[0].plusSeconds(1);
            try {
              if (TelegramDecoder.decodeLayers(frame, keys) instanceof Decoded.Part p
                  && reassembler.accept(p.fragment(), now[0])
                      instanceof AflReassembler.Step.Complete c
                  && c.telegram().messageCounter().isPresent()) {
                counters.check(
                    "ELS-12345678", c.telegram().messageCounter().getAsLong(), c.identity());
              }
            } catch (WMBusException e) {
              // refused: fine
            }
            reassembler.drainDropped();
            if (reassembler.pending() > 2) {
              throw new AssertionError("more messages in progress than the limit of 2");
            }
          }
        });
    WMBusReceiver r =
        new WMBusReceiver(
            keys,
            ZoneOffset.UTC,
            (batch, t) -> {},
            InstantSource.fixed(Instant.EPOCH),
            counters,
            AflReassembler.Limits.DEFAULT);
    failsOnlyWith(
        NoSuchFieldException.class,
        () -> {
          for (byte[] frame : frames) {
            r.accept("frame", frame, Instant.EPOCH);
          }
        });
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void dataRecordDecoderThrowsOnlyWMBusException(@ForAll("mutatedPayloads") byte[] data) {
    failsOnlyWith(WMBusException.class, () -> DataRecordDecoder.decode(data, 0, data.length));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void receiverSurvivesAnyLinesAndFrames(
      @ForAll("mutatedTelegrams") byte[] a, @ForAll("mutatedPayloads") byte[] b) {
    String lines =
        HEX.formatHex(a)
            + "\nT1;1;1;"
            + new String(b, StandardCharsets.ISO_8859_1)
            + "\ntelegram=|"
            + HEX.formatHex(b)
            + "|\n"
            + new String(a, StandardCharsets.ISO_8859_1);
    WMBusReceiver r =
        new WMBusReceiver(
            KEYS, ZoneOffset.UTC, (batch, t) -> {}, InstantSource.fixed(Instant.EPOCH));
    failsOnlyWith(
        NoSuchFieldException.class, // i.e. nothing may escape
        () -> {
          r.runLines(new BufferedReader(new StringReader(lines)));
          r.runFrames(new ByteArrayInputStream(a), true);
        });
  }
}
