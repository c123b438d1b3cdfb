package io.loadlens.dlms.apdu;

import static io.loadlens.model.testing.Mutations.failsOnlyWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.client.ClientEngine;
import io.loadlens.dlms.client.ClientOptions;
import io.loadlens.dlms.client.ClientSettings;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcClientLink;
import io.loadlens.dlms.hdlc.HdlcControl;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.hdlc.HdlcParameters;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.MeterServerEngine;
import io.loadlens.model.testing.Mutations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edits of valid SET/ACTION block, general-block-transfer and windowed HDLC encodings: the
 * decoders and the stateful receivers (GBT reassembly, the client's HDLC link) throw only {@link
 * DlmsException} and never hang; the server engine answers every one without throwing.
 */
class BlockTransferFuzzTest {
  static final AttributeDescriptor NOTES = new AttributeDescriptor(1, FixedMeter.NOTES, 2);
  static final AttributeDescriptor IMAGE =
      new AttributeDescriptor(18, FixedMeter.IMAGE_TRANSFER, 2);

  static List<byte[]> apdus() {
    byte[] raw = {9, 5, 1, 2, 3, 4, 5};
    return List.of(
        new SetRequestBlock(0xC1, NOTES, null, new DataBlockSa(false, 1, raw)).encode(),
        new SetRequestBlock(0xC1, null, null, new DataBlockSa(true, 2, raw)).encode(),
        new SetResponseBlock(0xC1, null, 1).encode(),
        new SetResponseBlock(0xC1, DataAccessResult.SUCCESS, 2).encode(),
        new ActionRequestBlock(0xC1, IMAGE, new DataBlockSa(false, 1, raw), 0).encode(),
        new ActionRequestBlock(0xC1, null, new DataBlockSa(true, 2, raw), 0).encode(),
        ActionRequestBlock.next(0xC1, 1).encode(),
        ActionResponseBlock.next(0xC1, 1).encode(),
        new ActionResponseBlock(0xC1, new DataBlockSa(true, 1, raw), 0).encode(),
        new GeneralBlockTransfer(true, false, 3, 1, 0, raw).encode(),
        new GeneralBlockTransfer(false, true, 63, 7, 1, raw).encode(),
        new GeneralBlockTransfer(false, false, 3, 2, 4, new byte[0]).encode());
  }

  @Provide
  Arbitrary<byte[]> mutatedApdus() {
    return Arbitraries.oneOf(
        Mutations.of(apdus()),
        Mutations.random(
            80, (byte) 0xE0, (byte) 0xC1, (byte) 0xC3, (byte) 0xC5, (byte) 0xC7, (byte) 0x02));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void blockApduDecodersThrowOnlyDlmsException(@ForAll("mutatedApdus") byte[] b) {
    failsOnlyWith(DlmsException.class, () -> SetRequestBlock.decode(b));
    failsOnlyWith(DlmsException.class, () -> SetResponseBlock.decode(b));
    failsOnlyWith(DlmsException.class, () -> ActionRequestBlock.decode(b));
    failsOnlyWith(DlmsException.class, () -> ActionResponseBlock.decode(b));
    failsOnlyWith(DlmsException.class, () -> GeneralBlockTransfer.decode(b));
    failsOnlyWith(DlmsException.class, () -> SetRequest.decode(b));
    failsOnlyWith(DlmsException.class, () -> ActionRequest.decode(b));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void gbtReassemblyThrowsOnlyDlmsException(@ForAll("mutatedApdus") byte[] b) {
    GbtReassembler rx = new GbtReassembler(3, 1, 4096);
    failsOnlyWith(
        DlmsException.class,
        () -> {
          rx.onBlock(GeneralBlockTransfer.decode(apdus().get(10)));
          rx.onBlock(GeneralBlockTransfer.decode(b));
          rx.onTimeout();
        });
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void serverAnswersEveryMutatedBlockWithoutThrowing(@ForAll("mutatedApdus") byte[] b) {
    MeterServerEngine server =
        new MeterServerEngine(
            new FixedMeter(Instant.parse("2024-01-01T00:00:00Z"), 10, ZoneId.of("UTC")),
            new MeterServerConfig(
                    Framing.WRAPPER, SecurityLevel.NONE, null, null, null, null, 1, 17, 256)
                .withGeneralBlockTransfer(4));
    ClientEngine client =
        new ClientEngine(
            ClientSettings.publicClient("x", 4059),
            ClientOptions.DEFAULT.withGeneralBlockTransfer(3),
            new Random(1));
    client.onAare(server.handleApdu(client.aarq()));
    server.handle(apdus().get(0)); // a SET transfer in progress
    List<byte[]> out = server.handle(b);
    assertThat(out).allMatch(a -> a.length > 0);
  }

  @Provide
  Arbitrary<byte[]> mutatedFrames() {
    HdlcAddress c = HdlcAddress.client(16);
    HdlcAddress s = HdlcAddress.server(1, 17);
    return Mutations.of(
        List.of(
            new HdlcFrame(c, s, HdlcControl.information(1, 0, false), true, new byte[] {1, 2})
                .encode(),
            new HdlcFrame(
                    c,
                    s,
                    HdlcControl.information(1, 1, true),
                    false,
                    new byte[] {(byte) 0xE6, (byte) 0xE7, 0, (byte) 0xC4})
                .encode(),
            new HdlcFrame(c, s, HdlcControl.receiveReady(2, true), false, null).encode(),
            new HdlcFrame(c, s, HdlcControl.UA | HdlcControl.POLL_FINAL, false, null).encode()));
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void hdlcClientLinkThrowsOnlyDlmsException(@ForAll("mutatedFrames") byte[] frame) {
    HdlcClientLink link =
        new HdlcClientLink(
            HdlcAddress.server(1, 17), HdlcAddress.client(16), new HdlcParameters(32, 32, 3, 3));
    failsOnlyWith(
        DlmsException.class,
        () -> {
          link.connect();
          byte[] ua =
              new HdlcFrame(
                      HdlcAddress.client(16),
                      HdlcAddress.server(1, 17),
                      HdlcControl.UA | HdlcControl.POLL_FINAL,
                      false,
                      new HdlcParameters(32, 32, 3, 3).encode())
                  .encode();
          link.onBytes(ua, 0, ua.length);
          link.send(new byte[100]);
          link.onBytes(frame, 0, frame.length);
          link.onTimeout();
          link.takeApdu();
        });
  }
}
