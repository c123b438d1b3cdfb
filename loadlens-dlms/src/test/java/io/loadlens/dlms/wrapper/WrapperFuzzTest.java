package io.loadlens.dlms.wrapper;

import static io.loadlens.dlms.FuzzChecks.rejectsOnlyWithDlmsException;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loadlens.dlms.DlmsException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the TCP wrapper decoder (IEC 62056-47) with Jazzer. Seeds: the V03
 * AARQ and V04 AARE of {@code vectors/green-book-apdus.txt} in wrapper headers (wPorts 16 and 1),
 * alone and back to back.
 */
class WrapperFuzzTest {

  /**
   * The decoder rejects only with DLMS errors, and what it accepts whole it accepts in two parts
   * with the same frames.
   */
  @FuzzTest(maxDuration = "2m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void decodesFrames(byte[] in) {
    List<WrapperFrame> whole;
    try {
      whole = new WrapperDecoder().feed(in, 0, in.length);
    } catch (DlmsException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
      return;
    }
    int split = in.length == 0 ? 0 : (in[0] & 0xFF) % in.length;
    WrapperDecoder parts = new WrapperDecoder();
    List<WrapperFrame> first = parts.feed(in, 0, split);
    List<WrapperFrame> second = parts.feed(in, split, in.length - split);
    assertThat(first.size() + second.size()).isEqualTo(whole.size());
    for (int i = 0; i < whole.size(); i++) {
      WrapperFrame a = whole.get(i);
      WrapperFrame b = i < first.size() ? first.get(i) : second.get(i - first.size());
      assertThat(b.source()).isEqualTo(a.source());
      assertThat(b.destination()).isEqualTo(a.destination());
      assertThat(b.apdu()).isEqualTo(a.apdu());
    }
    rejectsOnlyWithDlmsException(() -> new WrapperDecoder().feed(in, 0, in.length));
  }
}
