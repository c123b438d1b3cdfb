package io.loadlens.dlms.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsFramingException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrapperDecoderTest {
  // V09 AARQ (Green Book, restored octet) in a wrapper frame from client 16 to logical device 1
  static final byte[] AARQ =
      HexFormat.of().parseHex("601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0");
  static final WrapperFrame FIRST = new WrapperFrame(16, 1, AARQ);
  static final WrapperFrame SECOND =
      new WrapperFrame(1, 16, new byte[] {0x63, 0x03, (byte) 0x80, 1, 0});

  @Test
  void encodesHeaderAsIec6205647() {
    assertThat(HexFormat.of().formatHex(FIRST.encode(), 0, 8)).isEqualTo("000100100001001f");
  }

  @Test
  void decodesTwoFramesWholeByteByByteAndSplitAtEveryIndex() {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes(FIRST.encode());
    s.writeBytes(SECOND.encode());
    byte[] stream = s.toByteArray();
    assertThat(new WrapperDecoder().feed(stream, 0, stream.length)).containsExactly(FIRST, SECOND);
    WrapperDecoder oneByOne = new WrapperDecoder();
    List<WrapperFrame> frames = new ArrayList<>();
    for (int i = 0; i < stream.length; i++) {
      frames.addAll(oneByOne.feed(stream, i, 1));
    }
    assertThat(frames).containsExactly(FIRST, SECOND);
    assertThat(oneByOne.buffered()).isZero();
    for (int split = 0; split <= stream.length; split++) {
      WrapperDecoder d = new WrapperDecoder();
      List<WrapperFrame> got = new ArrayList<>(d.feed(stream, 0, split));
      got.addAll(d.feed(stream, split, stream.length - split));
      assertThat(got).as("split at %d", split).containsExactly(FIRST, SECOND);
    }
  }

  @Test
  void rejectsWrongVersionNamingBoth() {
    byte[] b = FIRST.encode();
    b[1] = 2;
    assertThatThrownBy(() -> new WrapperDecoder().feed(b, 0, b.length))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage("wrapper version: actual 0x0002 != expected 0x0001");
  }
}
