package io.loadlens.dlms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.apdu.Aare;
import io.loadlens.dlms.hdlc.HdlcAddress;
import io.loadlens.dlms.hdlc.HdlcClientLink;
import io.loadlens.dlms.hdlc.HdlcParameters;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The windowed client link against frames captured from an independent implementation: the
 * u9n/dlms-cosem HDLC tests (dlms.md V01 SNRM, V02 UA, V03 AARQ I-frame, V04 AARE I-frame; MIT,
 * bytes copied). The link must produce V01 and V03 byte for byte and accept V02 and V04.
 */
class HdlcClientLinkVectorsTest {
  static final HexFormat HEX = HexFormat.of();
  static final byte[] V01_SNRM = HEX.parseHex("7EA00802232193BD647E");
  static final byte[] V02_UA =
      HEX.parseHex("7EA01F21022373E6C781801205019A06019A070400000001080400000001CCA27E");
  static final byte[] V03_AARQ_FRAME =
      HEX.parseHex(
          "7EA02C02232110AF9FE6E600601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFFC5E47E");
  static final byte[] V04_AARE_FRAME =
      HEX.parseHex(
          "7EA0382102233034E7E6E7006129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400001E1D04C80007B86A7E");

  /** An SNRM without parameters (as V01) proposes the defaults: window 1, 128 octets. */
  static HdlcClientLink link() {
    return new HdlcClientLink(
        HdlcAddress.server(1, 17), HdlcAddress.client(16), HdlcParameters.DEFAULT);
  }

  @Test
  void acceptsTheCapturedUaAndSendsTheCapturedAarqFrameByteForByte() {
    HdlcClientLink link = link();
    link.connect();
    link.takeOutput();
    link.onBytes(V02_UA, 0, V02_UA.length);
    assertThat(link.connected()).isTrue();
    assertThat(link.negotiated()).isEqualTo(new HdlcParameters(154, 154, 1, 1));

    // the AARQ APDU of V03 (after the 3-octet LLC header, before the FCS)
    byte[] aarq = Arrays.copyOfRange(V03_AARQ_FRAME, 12, V03_AARQ_FRAME.length - 3);
    link.send(aarq);
    assertThat(HEX.formatHex(link.takeOutput())).isEqualTo(HEX.formatHex(V03_AARQ_FRAME));

    link.onBytes(V04_AARE_FRAME, 0, V04_AARE_FRAME.length);
    byte[] aare = link.takeApdu();
    assertThat(Aare.decode(aare).result()).isEqualTo(Aare.RESULT_ACCEPTED);
    assertThat(link.takeOutput()).as("a complete answer needs no RR").isEmpty();
  }

  @Test
  void encodesTheDefaultSnrmWithItsParameterFieldWhereV01HasNone() {
    HdlcClientLink link = link();
    link.connect();
    byte[] snrm = link.takeOutput();
    // same addresses and control as the capture; we always send the parameter field
    assertThat(Arrays.copyOfRange(snrm, 3, 7)).isEqualTo(Arrays.copyOfRange(V01_SNRM, 3, 7));
    assertThat(snrm.length).isGreaterThan(V01_SNRM.length);
  }
}
