package io.loadlens.dlms.cosem;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.cosem.ProfileBufferDecoder.Role;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the Profile Generic buffer to columns decoder (Jazzer) with the
 * capture objects of V18 (clock, status, two values). Seeds: the buffer of {@code
 * vectors/green-book-apdus.txt} V18-block1-prefix, and that buffer cut to its first row with the
 * array count set to 1.
 */
class ProfileBufferFuzzTest {
  private static final ProfileBufferDecoder DECODER =
      new ProfileBufferDecoder(
          new Role[] {Role.CLOCK, Role.STATUS, Role.VALUE, Role.VALUE},
          new int[] {0, 0, -1, 2},
          900);

  /** The decoder rejects only with DLMS errors; the columns it returns have one entry per row. */
  @FuzzTest(maxDuration = "2m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void decodesColumns(byte[] in) {
    ProfileBufferDecoder.Columns columns;
    try {
      columns = DECODER.decode(in, 0, in.length);
    } catch (DlmsException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
      return;
    }
    assertThat(columns.status()).hasSize(columns.rows());
    assertThat(columns.values()).hasNumberOfRows(2);
    assertThat(columns.values()[0]).hasSize(columns.rows());
    assertThat(columns.values()[1]).hasSize(columns.rows());
  }
}
