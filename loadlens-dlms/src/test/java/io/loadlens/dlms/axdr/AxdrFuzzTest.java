package io.loadlens.dlms.axdr;

import static io.loadlens.dlms.FuzzChecks.rejectsOnlyWithDlmsException;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loadlens.dlms.DlmsException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the A-XDR data decoder (Jazzer). Seeds: the Data parts of the real
 * APDUs in {@code vectors/} (file names name the vector). Without {@code JAZZER_FUZZ} only the
 * seeds and kept findings run; see docs/DLMS.md for a fuzzing run.
 */
class AxdrFuzzTest {

  /**
   * Decodes and skips the first value; a value that decodes is skipped by the same number of
   * octets, and its encoding decodes to the same value.
   */
  @FuzzTest(maxDuration = "2m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void decodesData(byte[] in) {
    rejectsOnlyWithDlmsException(() -> new AxdrReader(in).skipValue());
    AxdrReader reader = new AxdrReader(in);
    CosemValue value;
    try {
      value = reader.value();
    } catch (DlmsException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
      return;
    }
    assertThat(new AxdrReader(in).skipValue()).isEqualTo(reader.position());
    byte[] again = new AxdrWriter().value(value).toByteArray();
    assertThat(new AxdrReader(again).value()).isEqualTo(value);
  }
}
