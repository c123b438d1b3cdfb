package io.loadlens.dlms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsTimeoutException;
import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.ObisCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client over a caller's {@link ByteLink}: a link that hands the bytes over in small pieces, as
 * a slow serial line does, and names itself like a serial device.
 */
class ByteLinkSessionTest {
  static final String NAME = "serial:/dev/ttyTEST0@9600";

  final FixedMeter meter =
      new FixedMeter(LoopbackSessionTest.NOW, LoopbackSessionTest.ROWS, ZoneId.of("UTC"));
  TcpMeterServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  void start(Framing framing, int window, ConnectionPolicy policy) {
    MeterServerConfig cfg =
        new MeterServerConfig(
                framing,
                SecurityLevel.HLS_GMAC,
                null,
                LoopbackSessionTest.EK,
                LoopbackSessionTest.AK,
                LoopbackSessionTest.SERVER_ST,
                1,
                17,
                1024)
            .withHdlcWindow(window);
    server = TcpMeterServer.start(new InetSocketAddress("127.0.0.1", 0), cfg, meter, policy);
  }

  static ClientSettings settings(Framing framing, Duration timeout) {
    return new ClientSettings(
        null,
        0,
        framing,
        framing == Framing.HDLC ? 16 : 1,
        1,
        17,
        SecurityLevel.HLS_GMAC,
        null,
        LoopbackSessionTest.EK,
        LoopbackSessionTest.AK,
        LoopbackSessionTest.CLIENT_ST,
        timeout,
        1024,
        1);
  }

  PieceLink link() throws IOException {
    return new PieceLink(new Socket("127.0.0.1", server.address().getPort()), 7);
  }

  @Test
  void readsAProfileOverHdlcWithAWindowOfFourOnALinkThatDeliversSevenOctetsAtATime()
      throws IOException {
    start(Framing.HDLC, 4, ConnectionPolicy.NONE);
    PieceLink link = link();
    try (DlmsClient c =
        DlmsClient.connect(
            link,
            settings(Framing.HDLC, Duration.ofSeconds(5)),
            ClientOptions.DEFAULT.withHdlcWindow(7))) {
      ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
      assertThat(p.rows()).isEqualTo(672);
      assertThat(p.values()[0][671]).isEqualTo((LoopbackSessionTest.ROWS - 1) * 10.0);
      c.set(8, ObisCode.CLOCK, 2, HdlcSessionTest.clockValue());
      assertThat(meter.clockSetTo).isEqualTo(LoopbackSessionTest.NOW);
      assertThat(link.closed).isFalse();
    }
    assertThat(link.closed).isTrue();
    assertThat(link.reads.get()).isGreaterThan(672);
  }

  @Test
  void readsAProfileInWrapperFramesOverALink() throws IOException {
    start(Framing.WRAPPER, 1, ConnectionPolicy.NONE);
    PieceLink link = link();
    try (DlmsClient c =
        DlmsClient.connect(link, settings(Framing.WRAPPER, Duration.ofSeconds(5)))) {
      assertThat(c.readProfile(ObisCode.LOAD_PROFILE_1).rows()).isEqualTo(672);
    }
    assertThat(link.closed).isTrue();
  }

  @Test
  void namesTheLinkWhenTheMeterDoesNotAnswerAndClosesIt() throws IOException {
    start(
        Framing.HDLC,
        1,
        new ConnectionPolicy() {
          @Override
          public boolean answer(int requestIndex) {
            return false;
          }
        });
    PieceLink link = link();
    assertThatThrownBy(
            () -> DlmsClient.connect(link, settings(Framing.HDLC, Duration.ofMillis(200))))
        .isInstanceOf(DlmsTimeoutException.class)
        .hasMessageContaining("receive from " + NAME + ": no answer within PT0.2S")
        .message()
        .doesNotContain("127.0.0.1");
    assertThat(link.closed).isTrue();
  }

  @Test
  void aLinkThatOnlyDeliversCorruptFramesTimesOutInsteadOfHanging() {
    // a flag-delimited frame whose checks fail, sent again as soon as it is read: a meter behind
    // a corrupting modem, answering every poll with garbage
    byte[] corrupt = {0x7E, (byte) 0xA0, 0x07, 0x03, 0x21, 0x73, 0x00, 0x00, 0x7E};
    ByteLink noisy =
        new ByteLink() {
          @Override
          public String name() {
            return NAME;
          }

          @Override
          public void write(byte[] bytes) {}

          @Override
          public int read(byte[] buffer, int offset, int length, Duration timeout) {
            int n = Math.min(length, corrupt.length);
            System.arraycopy(corrupt, 0, buffer, offset, n);
            return n;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(
            () -> DlmsClient.connect(noisy, settings(Framing.HDLC, Duration.ofMillis(200))))
        .isInstanceOf(DlmsTimeoutException.class)
        .hasMessageContaining("no frame that passes its checks within PT0.2S");
  }

  @Test
  void reportsAnEndedLinkAsAConnectionFailureNamingIt() {
    ByteLink ended =
        new ByteLink() {
          @Override
          public String name() {
            return NAME;
          }

          @Override
          public void write(byte[] bytes) {}

          @Override
          public int read(byte[] buffer, int offset, int length, Duration timeout) {
            return -1;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(
            () -> DlmsClient.connect(ended, settings(Framing.HDLC, Duration.ofSeconds(1))))
        .isInstanceOf(DlmsConnectionException.class)
        .hasMessageContaining(NAME + ": connection closed by peer");
  }

  @Test
  void refusesATcpConnectWithoutAHost() {
    assertThatThrownBy(() -> DlmsClient.connect(settings(Framing.HDLC, Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host is missing");
  }

  @Test
  void rejectsAPortWithoutAHost() {
    assertThatThrownBy(
            () ->
                new ClientSettings(
                    null,
                    4059,
                    Framing.HDLC,
                    16,
                    1,
                    17,
                    SecurityLevel.NONE,
                    null,
                    null,
                    null,
                    null,
                    Duration.ofSeconds(1),
                    1024,
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port 4059 without a host");
  }

  /** A socket as a link that hands over at most {@code piece} octets per read. */
  static final class PieceLink implements ByteLink {
    final Socket socket;
    final InputStream in;
    final int piece;
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean closed;

    PieceLink(Socket socket, int piece) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.piece = piece;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
      socket.getOutputStream().write(bytes);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
      socket.setSoTimeout((int) timeout.toMillis());
      try {
        int n = in.read(buffer, offset, Math.min(length, piece));
        reads.incrementAndGet();
        return n;
      } catch (SocketTimeoutException e) {
        return 0;
      }
    }

    @Override
    public void close() {
      closed = true;
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }
}
