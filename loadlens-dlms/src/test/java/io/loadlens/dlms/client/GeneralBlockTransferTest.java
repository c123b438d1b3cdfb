package io.loadlens.dlms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.Conformance;
import io.loadlens.dlms.apdu.ExceptionResponse;
import io.loadlens.dlms.apdu.GbtReassembler;
import io.loadlens.dlms.apdu.GbtStreamer;
import io.loadlens.dlms.apdu.GeneralBlockTransfer;
import io.loadlens.dlms.apdu.GetResponse;
import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.MeterServerEngine;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.ObisCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * general-block-transfer (Green Book 9.3.10): the APDU layout, negotiation through the conformance
 * block, a GET response streamed in windows and reassembled by the client (over TCP with the
 * wrapper and HDLC, and in memory with lost blocks), and the errors that name the block.
 */
class GeneralBlockTransferTest {
  static final AttributeDescriptor BUFFER = new AttributeDescriptor(7, ObisCode.LOAD_PROFILE_1, 2);

  final FixedMeter meter =
      new FixedMeter(LoopbackSessionTest.NOW, LoopbackSessionTest.ROWS, ZoneId.of("UTC"));
  final AtomicInteger requests = new AtomicInteger();
  TcpMeterServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void encodesBlockControlNumbersAndDataAsTheGreenBookLaysThemOut() {
    GeneralBlockTransfer request =
        new GeneralBlockTransfer(true, false, 3, 1, 0, new byte[] {(byte) 0xC0, 0x01});
    assertThat(hex(request.encode())).isEqualTo("e0" + "83" + "0001" + "0000" + "02" + "c001");
    GeneralBlockTransfer streaming = new GeneralBlockTransfer(false, true, 5, 2, 1, new byte[0]);
    assertThat(hex(streaming.encode())).isEqualTo("e0" + "45" + "0002" + "0001" + "00");
    assertThat(GeneralBlockTransfer.decode(request.encode())).isEqualTo(request);
    assertThat(GeneralBlockTransfer.decode(streaming.encode())).isEqualTo(streaming);
  }

  @Test
  void rejectsOctetsAfterTheBlockData() {
    byte[] b = HexFormat.of().parseHex("e0830001000001c0ff");
    assertThatThrownBy(() -> GeneralBlockTransfer.decode(b))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage("general-block-transfer: 1 octets after the block data");
  }

  // --- over TCP ---

  DlmsClient connect(Framing framing, SecurityLevel level, int serverWindow, int clientWindow) {
    MeterServerConfig cfg =
        new MeterServerConfig(
                framing,
                level,
                LoopbackSessionTest.PASSWORD,
                LoopbackSessionTest.EK,
                LoopbackSessionTest.AK,
                LoopbackSessionTest.SERVER_ST,
                1,
                17,
                256)
            .withHdlcWindow(3)
            .withGeneralBlockTransfer(serverWindow);
    ConnectionPolicy counting =
        new ConnectionPolicy() {
          @Override
          public boolean answer(int requestIndex) {
            requests.incrementAndGet();
            return true;
          }
        };
    server = TcpMeterServer.start(new InetSocketAddress("127.0.0.1", 0), cfg, meter, counting);
    ClientSettings s =
        new ClientSettings(
            "127.0.0.1",
            server.address().getPort(),
            framing,
            16,
            1,
            17,
            level,
            LoopbackSessionTest.PASSWORD,
            LoopbackSessionTest.EK,
            LoopbackSessionTest.AK,
            LoopbackSessionTest.CLIENT_ST,
            Duration.ofSeconds(5),
            1024,
            1);
    return DlmsClient.connect(
        s, ClientOptions.DEFAULT.withGeneralBlockTransfer(clientWindow).withHdlcWindow(3));
  }

  @ParameterizedTest
  @EnumSource(SecurityLevel.class)
  void readsAProfileStreamedInGbtWindowsOverTheWrapper(SecurityLevel level) {
    try (DlmsClient c = connect(Framing.WRAPPER, level, 4, 3)) {
      int before = requests.get();
      ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
      assertThat(p.rows()).isEqualTo(672);
      assertThat(p.epochSeconds()[671]).isEqualTo(meter.time(LoopbackSessionTest.ROWS - 1));
      assertThat(p.values()[3][671]).isEqualTo((2300 + (LoopbackSessionTest.ROWS - 1) % 50) / 10.0);
      // 4 GETs (capture objects, period, scalers with-list... ) plus one ack per window of 3 blocks
      // of the ~17 kB buffer in blocks of 247 octets: far fewer requests than blocks
      int sent = requests.get() - before;
      assertThat(sent).isGreaterThan(15).isLessThan(40);
    }
  }

  @Test
  void readsAProfileStreamedInGbtWindowsOverHdlcWithAWindow() {
    try (DlmsClient c = connect(Framing.HDLC, SecurityLevel.HLS_GMAC, 4, 5)) {
      ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
      assertThat(p.rows()).isEqualTo(672);
      assertThat(p.values()[0][671]).isEqualTo((LoopbackSessionTest.ROWS - 1) * 10.0);
      assertThat(c.get(8, ObisCode.CLOCK, 2)).isNotNull();
    }
  }

  // --- negotiation, in memory ---

  MeterServerEngine engine(int gbtWindow) {
    return new MeterServerEngine(
        meter,
        new MeterServerConfig(
                Framing.WRAPPER, SecurityLevel.NONE, null, null, null, null, 1, 17, 128)
            .withGeneralBlockTransfer(gbtWindow));
  }

  static ClientEngine client(MeterServerEngine srv, int window) {
    ClientEngine ce =
        new ClientEngine(
            ClientSettings.publicClient("in-memory", 4059),
            ClientOptions.DEFAULT.withGeneralBlockTransfer(window),
            new Random(1));
    ce.onAare(srv.handleApdu(ce.aarq()));
    return ce;
  }

  @Test
  void grantsGbtOnlyWhenBothSidesOfferIt() {
    assertThat(client(engine(5), 3).negotiatedConformance() & Conformance.GENERAL_BLOCK_TRANSFER)
        .isNotZero();
    assertThat(client(engine(0), 3).negotiatedConformance() & Conformance.GENERAL_BLOCK_TRANSFER)
        .isZero();
    ClientEngine without =
        new ClientEngine(ClientSettings.publicClient("in-memory", 4059), new Random(1));
    without.onAare(engine(5).handleApdu(without.aarq()));
    assertThat(without.negotiatedConformance() & Conformance.GENERAL_BLOCK_TRANSFER).isZero();
  }

  @Test
  void answersGbtWithExceptionResponseWhenItWasNotNegotiated() {
    MeterServerEngine srv = engine(0);
    ClientEngine ce = client(srv, 3);
    byte[] gbt =
        new GeneralBlockTransfer(true, false, 3, 1, 0, ce.getRequest(BUFFER, null)).encode();
    List<byte[]> out = srv.handle(gbt);
    assertThat(out).hasSize(1);
    assertThat(ExceptionResponse.decode(out.get(0)).serviceError())
        .isEqualTo(ExceptionResponse.SERVICE_NOT_SUPPORTED);
  }

  /** The blocks of one exchange, and what the client did. */
  record Transfer(byte[] apdu, List<GeneralBlockTransfer> received, int acks) {}

  /** A GET of the profile buffer in GBT, losing the server's blocks that {@code lose} picks. */
  Transfer transfer(int clientWindow, Predicate<GeneralBlockTransfer> lose) {
    MeterServerEngine srv = engine(5);
    ClientEngine ce = client(srv, clientWindow);
    GbtReassembler rx = new GbtReassembler(clientWindow, 1, 1 << 24);
    List<GeneralBlockTransfer> received = new ArrayList<>();
    List<byte[]> out =
        srv.handle(
            new GeneralBlockTransfer(true, false, clientWindow, 1, 0, ce.getRequest(BUFFER, null))
                .encode());
    int acks = 0;
    while (true) {
      GeneralBlockTransfer ack = null;
      for (byte[] b : out) {
        GeneralBlockTransfer g = GeneralBlockTransfer.decode(b);
        received.add(g);
        if (lose.test(g)) {
          continue;
        }
        GbtReassembler.Step step = rx.onBlock(g);
        if (step.apdu() != null) {
          return new Transfer(step.apdu(), received, acks);
        }
        ack = step.ack() != null ? step.ack() : ack;
      }
      if (ack == null) {
        ack = rx.onTimeout(); // the window's last block was lost
      }
      acks++;
      out = srv.handle(ack.encode());
    }
  }

  @Test
  void streamsTheResponseInWindowsOfTheClientsSize() {
    Transfer t = transfer(3, g -> false);
    GetResponse r = GetRequestCodecs.decodeResponse(t.apdu());
    assertThat(r).isInstanceOf(GetResponse.Normal.class);
    assertThat(((GetResponse.Normal) r).result().data().length).isGreaterThan(10_000);

    List<GeneralBlockTransfer> first = t.received().subList(0, 3);
    assertThat(first.stream().map(GeneralBlockTransfer::blockNumber)).containsExactly(1, 2, 3);
    assertThat(first.stream().map(GeneralBlockTransfer::streaming))
        .containsExactly(true, true, false);
    assertThat(first).allMatch(g -> g.blockNumberAck() == 1 && g.window() == 5 && !g.lastBlock());
    assertThat(t.received().get(t.received().size() - 1).lastBlock()).isTrue();
    int blocks = t.received().size();
    assertThat(t.acks()).isEqualTo((blocks - 1) / 3);
    assertThat(first.get(0).dataLength()).isEqualTo(128 - GeneralBlockTransfer.OVERHEAD);
  }

  @Test
  void asksAgainForABlockLostInsideAWindowAndReassemblesTheSameApdu() {
    byte[] whole = transfer(3, g -> false).apdu();
    boolean[] lost = new boolean[2];
    Transfer t =
        transfer(
            3,
            g -> {
              if (g.blockNumber() == 5 && !lost[0]) {
                return lost[0] = true;
              }
              if (g.blockNumber() == 9 && !lost[1]) {
                return lost[1] = true; // the last block of the third window
              }
              return false;
            });
    assertThat(t.apdu()).isEqualTo(whole);
    assertThat(t.received().stream().filter(g -> g.blockNumber() == 5).count()).isEqualTo(2);
    assertThat(t.received().stream().filter(g -> g.blockNumber() == 9).count()).isEqualTo(2);
  }

  @Test
  void failsNamingTheBlockStillMissingAfterItWasAskedForAgain() {
    assertThatThrownBy(() -> transfer(3, g -> g.blockNumber() == 2))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage(
            "general-block-transfer: block 2 missing: asked for again 2 times, received up to"
                + " block 1");
  }

  @Test
  void rejectsABlockOutOfOrderBeyondTheWindow() {
    GbtReassembler rx = new GbtReassembler(3, 1, 1 << 20);
    rx.onBlock(new GeneralBlockTransfer(false, true, 1, 1, 1, new byte[] {1}));
    assertThatThrownBy(
            () -> rx.onBlock(new GeneralBlockTransfer(false, true, 1, 5, 1, new byte[] {1})))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage(
            "general-block-transfer: block 5 out of order: expected 2 within a window of 3");
  }

  @Test
  void rejectsAnAcknowledgementOfABlockNeverSent() {
    GbtStreamer tx = new GbtStreamer(new byte[100], 10, 2, 1, 1);
    tx.nextWindow();
    assertThatThrownBy(() -> tx.onAck(new GeneralBlockTransfer(false, false, 2, 2, 4, new byte[0])))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage(
            "general-block-transfer: block-number-ack 4 acknowledges a block never sent (sent up"
                + " to 2)");
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
