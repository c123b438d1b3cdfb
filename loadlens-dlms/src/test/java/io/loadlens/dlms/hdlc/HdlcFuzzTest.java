package io.loadlens.dlms.hdlc;

import static io.loadlens.dlms.FuzzChecks.rejectsOnlyWithDlmsException;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the HDLC frame decoder (Jazzer). Seeds: the frames of {@code
 * vectors/hdlc-frames.txt}, one by one and back to back (file names name the vector).
 */
class HdlcFuzzTest {

  /**
   * The stream decoder never throws and finds the same frames whether the octets come at once or in
   * two parts; each frame it finds encodes to a frame that decodes to itself; the frame and
   * parameter decoders called directly reject only with DLMS errors.
   */
  @FuzzTest(maxDuration = "2m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void decodesFrames(byte[] in) {
    List<HdlcFrame> whole = new HdlcDecoder().feed(in, 0, in.length);
    int split = in.length == 0 ? 0 : (in[0] & 0xFF) % in.length;
    HdlcDecoder parts = new HdlcDecoder();
    List<HdlcFrame> inParts = new ArrayList<>(parts.feed(in, 0, split));
    inParts.addAll(parts.feed(in, split, in.length - split));
    assertThat(inParts).isEqualTo(whole);
    for (HdlcFrame frame : whole) {
      byte[] encoded = frame.encode();
      assertThat(HdlcFrame.decode(encoded, 0, encoded.length)).isEqualTo(frame);
      rejectsOnlyWithDlmsException(() -> HdlcParameters.decode(frame.info()));
    }
    rejectsOnlyWithDlmsException(() -> HdlcFrame.decode(in, 0, in.length));
  }
}
