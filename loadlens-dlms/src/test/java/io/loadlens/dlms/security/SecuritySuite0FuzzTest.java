package io.loadlens.dlms.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loadlens.dlms.DlmsAuthenticationException;
import io.loadlens.dlms.DlmsException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of security suite 0 unprotect (Jazzer) with the Green Book keys. Seeds:
 * V13 and V14 (glo-get-request, SC 0x30 and 0x20) of {@code vectors/green-book-apdus.txt} and the
 * V25 general-glo-ciphering push of {@code vectors/push-notifications.txt} (its two M-Bus frames
 * joined).
 */
class SecuritySuite0FuzzTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] EK = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
  private static final byte[] AK = HEX.parseHex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
  private static final byte[] SERVER_ST = HEX.parseHex("4D4D4D0000BC614E");

  /**
   * A ciphered APDU is rejected with a DLMS error, a tag that does not verify with an
   * authentication error naming the counter, and what unprotect returns protects back to the same
   * ciphered information.
   */
  @FuzzTest(maxDuration = "2m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void unprotects(byte[] apdu) {
    Ciphering.Ciphered c;
    try {
      c = Ciphering.decode(apdu);
    } catch (DlmsException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
      return;
    }
    byte[] st = c.systemTitle() != null ? c.systemTitle() : SERVER_ST;
    byte[] info = c.info();
    byte[] plain;
    try {
      plain = SecuritySuite0.unprotect(c.sc(), st, c.ic(), EK, AK, info, 0, info.length);
    } catch (DlmsAuthenticationException tagFailed) {
      assertThat(tagFailed.getMessage()).contains("invocation counter " + c.ic());
      return;
    } catch (DlmsException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
      return;
    }
    assertThat(SecuritySuite0.protect(c.sc(), st, c.ic(), EK, AK, plain)).isEqualTo(info);
  }
}
