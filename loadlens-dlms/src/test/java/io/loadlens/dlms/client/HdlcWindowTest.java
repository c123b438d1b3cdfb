package io.loadlens.dlms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcClientLink;
import io.loadlens.dlms.hdlc.HdlcControl;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.hdlc.HdlcParameters;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.MeterServerEngine;
import io.loadlens.model.ObisCode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * HDLC windows larger than 1 (IEC 62056-46): negotiation, windows of I-frames in both directions,
 * one N(R) acknowledging several frames, and recovery of lost frames from N(R) and by RR poll, with
 * the client's link joined in memory to the server engine.
 */
class HdlcWindowTest {
  static final BiPredicate<Integer, HdlcFrame> NONE = (i, f) -> false;
  static final HdlcParameters SMALL_WINDOW_3 = new HdlcParameters(32, 32, 3, 3);

  final FixedMeter meter =
      new FixedMeter(LoopbackSessionTest.NOW, LoopbackSessionTest.ROWS, ZoneId.of("UTC"));

  MeterServerEngine server(int window) {
    return new MeterServerEngine(
        meter,
        new MeterServerConfig(Framing.HDLC, SecurityLevel.NONE, null, null, null, null, 1, 17, 1024)
            .withHdlcWindow(window));
  }

  static ClientSettings settings() {
    return ClientSettings.publicClient("in-memory", 4059);
  }

  DlmsClient associate(InMemoryHdlc pipe) {
    return DlmsClient.associate(settings(), ClientOptions.DEFAULT, pipe.connect());
  }

  /** A get-with-list of 16 attributes: 166 octets, six 32-octet information fields. */
  static List<AttributeDescriptor> sixteenAttributes() {
    List<AttributeDescriptor> l = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      l.add(new AttributeDescriptor(8, ObisCode.CLOCK, 2));
    }
    return l;
  }

  @Test
  void negotiatesTheSmallerWindowInSnrmAndUa() {
    InMemoryHdlc wide = new InMemoryHdlc(server(7), SMALL_WINDOW_3, NONE, NONE).connect();
    assertThat(wide.link.negotiated()).isEqualTo(new HdlcParameters(32, 32, 3, 3));

    InMemoryHdlc narrow = new InMemoryHdlc(server(2), SMALL_WINDOW_3, NONE, NONE).connect();
    assertThat(narrow.link.negotiated().windowTransmit()).isEqualTo(2);
    assertThat(narrow.link.negotiated().windowReceive()).isEqualTo(2);
  }

  @Test
  void sendsAWindowOfSegmentsWithThePollBitOnlyOnTheLast() {
    InMemoryHdlc pipe = new InMemoryHdlc(server(3), SMALL_WINDOW_3, NONE, NONE);
    DlmsClient c = associate(pipe);
    int before = pipe.clientSent.size();
    int serverBefore = pipe.serverSent.size();
    List<Object> results = c.getWithList(sixteenAttributes());

    assertThat(results).hasSize(16).allMatch(r -> r instanceof io.loadlens.dlms.axdr.CosemValue);
    List<HdlcFrame> window = pipe.clientSent.subList(before, before + 3);
    assertThat(window).allMatch(f -> HdlcControl.isInformation(f.control()) && f.segmented());
    assertThat(window.stream().map(f -> HdlcControl.ns(f.control())))
        .containsExactly(2, 3, 4); // N(S) 0 and 1 carried the AARQ
    assertThat(window.stream().map(f -> (f.control() & HdlcControl.POLL_FINAL) != 0))
        .containsExactly(false, false, true);
    // one RR acknowledges the whole window: N(R) = 5
    HdlcFrame ack = pipe.serverSent.get(serverBefore);
    assertThat(HdlcControl.type(ack.control())).isEqualTo(HdlcControl.RR);
    assertThat(HdlcControl.nr(ack.control())).isEqualTo(5);
    assertThat(pipe.link.retransmittedFrames()).isZero();
  }

  @Test
  void receivesASegmentedResponseInWindowsWithTheFinalBitOnTheLast() {
    InMemoryHdlc pipe = new InMemoryHdlc(server(3), SMALL_WINDOW_3, NONE, NONE);
    DlmsClient c = associate(pipe);
    int serverBefore = pipe.serverSent.size();
    int clientBefore = pipe.clientSent.size();
    ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);

    assertThat(p.rows()).isEqualTo(672);
    assertThat(p.values()[0][671]).isEqualTo((LoopbackSessionTest.ROWS - 1) * 10.0);
    List<HdlcFrame> answers = pipe.serverSent.subList(serverBefore, pipe.serverSent.size());
    int run = 0;
    for (HdlcFrame f : answers) {
      assertThat(HdlcControl.isInformation(f.control())).isTrue();
      run++;
      boolean fin = (f.control() & HdlcControl.POLL_FINAL) != 0;
      assertThat(run).as("I-frames in one window").isLessThanOrEqualTo(3);
      if (fin) {
        run = 0;
      } else {
        assertThat(f.segmented()).as("only the final frame of a window may end an APDU").isTrue();
      }
    }
    long polls =
        pipe.clientSent.subList(clientBefore, pipe.clientSent.size()).stream()
            .filter(f -> HdlcControl.type(f.control()) == HdlcControl.RR)
            .count();
    assertThat(polls).as("one RR per full window, not per frame").isLessThan(answers.size() / 2);
  }

  @Test
  void resendsFromNrWhenAFrameInsideTheWindowIsLost() {
    // client frames: 0 SNRM, 1-2 AARQ, 3-5 the first window of the get-with-list: lose frame 4
    InMemoryHdlc pipe = new InMemoryHdlc(server(3), SMALL_WINDOW_3, (i, f) -> i == 4, NONE);
    DlmsClient c = associate(pipe);
    int serverBefore = pipe.serverSent.size();
    assertThat(c.getWithList(sixteenAttributes())).hasSize(16);

    HdlcFrame answer = pipe.serverSent.get(serverBefore);
    assertThat(HdlcControl.type(answer.control())).isEqualTo(HdlcControl.RR);
    assertThat(HdlcControl.nr(answer.control())).as("server holds only the first").isEqualTo(3);
    HdlcFrame resent = pipe.clientSent.get(6);
    assertThat(HdlcControl.ns(resent.control())).isEqualTo(3);
    assertThat(pipe.link.retransmittedFrames()).isGreaterThanOrEqualTo(1);
    assertThat(pipe.timeouts).isZero();
  }

  @Test
  void pollsWithRrAfterTimeoutWhenTheFrameWithThePollBitIsLost() {
    InMemoryHdlc pipe = new InMemoryHdlc(server(3), SMALL_WINDOW_3, (i, f) -> i == 5, NONE);
    DlmsClient c = associate(pipe);
    assertThat(c.getWithList(sixteenAttributes())).hasSize(16);

    assertThat(pipe.timeouts).isEqualTo(1);
    HdlcFrame poll = pipe.clientSent.get(6);
    assertThat(HdlcControl.type(poll.control())).isEqualTo(HdlcControl.RR);
    assertThat(poll.control() & HdlcControl.POLL_FINAL).isNotZero();
    HdlcFrame answer = pipe.serverSent.get(3);
    assertThat(HdlcControl.type(answer.control())).isEqualTo(HdlcControl.RR);
    assertThat(HdlcControl.nr(answer.control())).as("server holds N(S) 2 and 3").isEqualTo(4);
    assertThat(HdlcControl.ns(pipe.clientSent.get(7).control()))
        .as("resent from N(R)")
        .isEqualTo(4);
  }

  @Test
  void asksAgainFromVrWhenAResponseFrameInsideTheWindowIsLost() {
    InMemoryHdlc pipe =
        new InMemoryHdlc(server(3), SMALL_WINDOW_3, NONE, firstMatching(f -> !isFinal(f)));
    DlmsClient c = associate(pipe);
    ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
    assertThat(p.rows()).isEqualTo(672);
    assertThat(p.values()[1][671]).isEqualTo(LoopbackSessionTest.ROWS - 1);
    assertThat(pipe.timeouts).isZero();
  }

  @Test
  void recoversWhenTheFinalResponseFrameOfAWindowIsLost() {
    InMemoryHdlc pipe =
        new InMemoryHdlc(
            server(3), SMALL_WINDOW_3, NONE, firstMatching(f -> isFinal(f) && f.segmented()));
    DlmsClient c = associate(pipe);
    ProfileData p = c.readProfile(ObisCode.LOAD_PROFILE_1);
    assertThat(p.rows()).isEqualTo(672);
    assertThat(p.values()[0][671]).isEqualTo((LoopbackSessionTest.ROWS - 1) * 10.0);
    assertThat(pipe.timeouts).isEqualTo(1);
  }

  private static boolean isFinal(HdlcFrame f) {
    return (f.control() & HdlcControl.POLL_FINAL) != 0;
  }

  /** Loses the first I-frame of the profile buffer's answer (after frame 30) that matches. */
  private static BiPredicate<Integer, HdlcFrame> firstMatching(
      java.util.function.Predicate<HdlcFrame> which) {
    AtomicBoolean done = new AtomicBoolean();
    return (i, f) ->
        i > 30
            && HdlcControl.isInformation(f.control())
            && which.test(f)
            && done.compareAndSet(false, true);
  }

  @Test
  void rejectsAnNrThatAcknowledgesFramesNeverSent() {
    HdlcClientLink link =
        new HdlcClientLink(HdlcAddress.server(1, 17), HdlcAddress.client(16), SMALL_WINDOW_3);
    link.connect();
    byte[] ua =
        new HdlcFrame(
                HdlcAddress.client(16),
                HdlcAddress.server(1, 17),
                HdlcControl.UA | HdlcControl.POLL_FINAL,
                false,
                SMALL_WINDOW_3.encode())
            .encode();
    link.onBytes(ua, 0, ua.length);
    link.send(new byte[] {(byte) 0xC0, 0x01});
    byte[] rr =
        new HdlcFrame(
                HdlcAddress.client(16),
                HdlcAddress.server(1, 17),
                HdlcControl.receiveReady(5, true),
                false,
                null)
            .encode();
    assertThatThrownBy(() -> link.onBytes(rr, 0, rr.length))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage(
            "HDLC: N(R) 5 acknowledges I-frames never sent (V(S) 1, unacknowledged from N(S) 0"
                + " (1 frames))");
  }
}
