package io.loadlens.dlms.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.apdu.Aare;
import io.loadlens.dlms.apdu.InitiateResponse;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcControl;
import io.loadlens.dlms.hdlc.HdlcDecoder;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.hdlc.HdlcParameters;
import io.loadlens.dlms.hdlc.Llc;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sans-I/O server engine answering the u9n/dlms-cosem HDLC capture (dlms.md V01, V03). */
class HdlcServerEngineTest {
  static final byte[] V01_SNRM = HexFormat.of().parseHex("7EA00802232193BD647E");
  static final byte[] V03_AARQ =
      HexFormat.of()
          .parseHex(
              "7EA02C02232110AF9FE6E600601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFFC5E47E");

  final MeterServerEngine engine =
      new MeterServerEngine(
          new FixedMeter(Instant.parse("2024-01-01T00:00:00Z"), 10, ZoneId.of("UTC")),
          new MeterServerConfig(
              Framing.HDLC, SecurityLevel.NONE, null, null, null, null, 1, 17, 1024));

  @Test
  void answersCapturedSnrmAndAarqFedOneByteAtATime() {
    HdlcFrame ua = single(feedByteByByte(V01_SNRM));
    assertThat(HdlcControl.type(ua.control())).isEqualTo(HdlcControl.UA);
    assertThat(ua.destination()).isEqualTo(HdlcAddress.client(16));
    assertThat(ua.source()).isEqualTo(new HdlcAddress(1, 17, 2));
    assertThat(HdlcParameters.decode(ua.info())).isEqualTo(HdlcParameters.DEFAULT);

    HdlcFrame aare = single(feedByteByByte(V03_AARQ));
    // as in the captured answer (V04): I-frame N(R)=1 N(S)=0 F=1, LLC E6 E7 00, accepted AARE
    assertThat(aare.control()).isEqualTo(0x30);
    Aare a = Aare.decode(Llc.strip(Llc.RESPONSE, aare.info()));
    assertThat(a.result()).isEqualTo(Aare.RESULT_ACCEPTED);
    InitiateResponse init = InitiateResponse.decode(a.userInformation());
    assertThat(init.conformance()).isEqualTo(0x001E1D);
    assertThat(init.maxPduSize()).isEqualTo(1024);
  }

  @Test
  void ignoresFramesForAnotherPhysicalDevice() {
    byte[] other =
        new HdlcFrame(
                new HdlcAddress(1, 18, 2),
                HdlcAddress.client(16),
                HdlcControl.SNRM | HdlcControl.POLL_FINAL,
                false,
                null)
            .encode();
    assertThat(engine.onBytes(other, 0, other.length)).isEmpty();
  }

  @Test
  void answersDiscWithUaThenDm() {
    feedByteByByte(V01_SNRM);
    byte[] disc =
        new HdlcFrame(
                new HdlcAddress(1, 17, 2),
                HdlcAddress.client(16),
                HdlcControl.DISC | HdlcControl.POLL_FINAL,
                false,
                null)
            .encode();
    assertThat(HdlcControl.type(single(engine.onBytes(disc, 0, disc.length)).control()))
        .isEqualTo(HdlcControl.UA);
    assertThat(engine.released()).isTrue();
    assertThat(HdlcControl.type(single(engine.onBytes(disc, 0, disc.length)).control()))
        .isEqualTo(HdlcControl.DM);
  }

  private byte[] feedByteByByte(byte[] frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < frame.length; i++) {
      byte[] reply = engine.onBytes(frame, i, 1);
      assertThat(reply.length == 0 || i == frame.length - 1)
          .as("no answer before the closing flag (byte %d)", i)
          .isTrue();
      out.writeBytes(reply);
    }
    return out.toByteArray();
  }

  private static HdlcFrame single(byte[] bytes) {
    List<HdlcFrame> frames = new HdlcDecoder().feed(bytes, 0, bytes.length);
    assertThat(frames).hasSize(1);
    return frames.get(0);
  }
}
