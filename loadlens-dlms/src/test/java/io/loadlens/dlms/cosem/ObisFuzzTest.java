package io.loadlens.dlms.cosem;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loadlens.model.ObisCode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the OBIS parser (Jazzer), text and 6-octet forms. Seeds: the text
 * forms the parser documents (IEC, dotted six groups, reduced).
 */
class ObisFuzzTest {

  /**
   * Text that is not an OBIS code is rejected with an IllegalArgumentException that quotes it (not
   * a NumberFormatException or index error); a parsed code prints to text that parses back.
   */
  @FuzzTest(maxDuration = "2m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void parsesText(byte[] in) {
    String text = new String(in, StandardCharsets.ISO_8859_1);
    ObisCode code;
    try {
      code = ObisCode.parse(text);
    } catch (IllegalArgumentException rejected) {
      assertThat(rejected)
          .hasMessageContaining("OBIS")
          .isExactlyInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(ObisCode.parse(code.toString())).isEqualTo(code);
    if (in.length >= 6) {
      assertThat(ObisCode.fromBytes(in, 0).toBytes()).isEqualTo(java.util.Arrays.copyOf(in, 6));
    }
  }
}
