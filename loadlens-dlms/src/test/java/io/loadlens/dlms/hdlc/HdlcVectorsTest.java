package io.loadlens.dlms.hdlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsFramingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HdlcVectorsTest {
  static final HexFormat HEX = HexFormat.of();
  static final Map<String, byte[]> V = load();

  static Map<String, byte[]> load() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = HdlcVectorsTest.class.getResourceAsStream("/vectors/hdlc-frames.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] p = line.split("\\|");
          out.put(p[0].trim(), HEX.parseHex(p[1].trim()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static HdlcFrame decode(String name) {
    byte[] b = V.get(name);
    return HdlcFrame.decode(b, 0, b.length);
  }

  @Test
  void decodesV01SnrmAddressesAndReencodesIt() {
    HdlcFrame f = decode("V01-snrm");
    assertThat(f.destination()).isEqualTo(new HdlcAddress(1, 17, 2));
    assertThat(f.source()).isEqualTo(HdlcAddress.client(16));
    assertThat(f.control()).isEqualTo(0x93);
    assertThat(HdlcControl.type(f.control())).isEqualTo(HdlcControl.SNRM);
    assertThat(f.infoLength()).isZero();
    assertThat(f.encode()).isEqualTo(V.get("V01-snrm"));
  }

  @Test
  void decodesV02UaParameters() {
    HdlcFrame f = decode("V02-ua-parameters");
    assertThat(HdlcControl.type(f.control())).isEqualTo(HdlcControl.UA);
    HdlcParameters p = HdlcParameters.decode(f.info());
    assertThat(p).isEqualTo(new HdlcParameters(154, 154, 1, 1));
    assertThat(p.encode()).isEqualTo(f.info());
    assertThat(f.encode()).isEqualTo(V.get("V02-ua-parameters"));
  }

  @Test
  void decodesV03AndV04InformationFramesWithLlc() {
    HdlcFrame aarq = decode("V03-i-frame-aarq");
    assertThat(HdlcControl.isInformation(aarq.control())).isTrue();
    assertThat(HdlcControl.ns(aarq.control())).isZero();
    assertThat(HdlcControl.nr(aarq.control())).isZero();
    assertThat(Llc.strip(Llc.REQUEST, aarq.info())[0]).isEqualTo((byte) 0x60);
    assertThat(aarq.encode()).isEqualTo(V.get("V03-i-frame-aarq"));

    HdlcFrame aare = decode("V04-i-frame-aare");
    assertThat(HdlcControl.nr(aare.control())).isEqualTo(1);
    assertThat(Llc.strip(Llc.RESPONSE, aare.info())[0]).isEqualTo((byte) 0x61);
    assertThat(aare.encode()).isEqualTo(V.get("V04-i-frame-aare"));
  }

  @Test
  void namesActualAndExpectedFcsOfCorruptFrame() {
    byte[] b = V.get("V01-snrm").clone();
    b[7] = (byte) 0xBE;
    assertThatThrownBy(() -> HdlcFrame.decode(b, 0, b.length))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage("HDLC FCS: actual 0x64BE != expected 0x64BD");
  }

  @Test
  void namesActualAndExpectedHcs() {
    byte[] b = V.get("V03-i-frame-aarq").clone();
    b[8] = 0;
    assertThatThrownBy(() -> HdlcFrame.decode(b, 0, b.length))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessageStartingWith("HDLC");
  }

  @Test
  void decoderFindsEveryFrameWholeByteByByteAndSplitAtEveryIndex() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    V.values().forEach(all::writeBytes);
    byte[] stream = all.toByteArray();
    assertThat(feedInChunks(stream, stream.length)).hasSize(4);
    assertThat(feedInChunks(stream, 1)).hasSize(4);
    for (int split = 1; split < stream.length; split++) {
      HdlcDecoder d = new HdlcDecoder();
      List<HdlcFrame> frames = new ArrayList<>(d.feed(stream, 0, split));
      frames.addAll(d.feed(stream, split, stream.length - split));
      assertThat(frames).as("split at %d", split).hasSize(4);
    }
  }

  @Test
  void decoderDropsCorruptFrameAndRecoversOnTheNext() {
    byte[] bad = V.get("V03-i-frame-aarq").clone();
    bad[20] ^= 0x55;
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes(bad);
    s.writeBytes(V.get("V04-i-frame-aare"));
    HdlcDecoder d = new HdlcDecoder();
    byte[] b = s.toByteArray();
    List<HdlcFrame> frames = d.feed(b, 0, b.length);
    assertThat(frames).containsExactly(decode("V04-i-frame-aare"));
    assertThat(d.droppedFrames()).isGreaterThanOrEqualTo(1);
    assertThat(d.lastError()).startsWith("HDLC FCS: actual");
  }

  @Test
  void encodesFourOctetServerAddress() {
    HdlcAddress a = HdlcAddress.server(1, 0x3FFF);
    HdlcFrame f = new HdlcFrame(a, HdlcAddress.client(1), HdlcControl.SNRM | 0x10, false, null);
    byte[] b = f.encode();
    assertThat(HdlcFrame.decode(b, 0, b.length)).isEqualTo(f);
    assertThat(HEX.formatHex(b, 3, 7)).isEqualTo("0002feff");
  }

  private static List<HdlcFrame> feedInChunks(byte[] stream, int chunk) {
    HdlcDecoder d = new HdlcDecoder();
    List<HdlcFrame> out = new ArrayList<>();
    for (int i = 0; i < stream.length; i += chunk) {
      out.addAll(d.feed(stream, i, Math.min(chunk, stream.length - i)));
    }
    return out;
  }
}
