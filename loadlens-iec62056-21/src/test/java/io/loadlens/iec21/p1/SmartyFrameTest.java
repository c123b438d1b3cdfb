package io.loadlens.iec21.p1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.iec21.Iec21Exception;
import io.loadlens.model.ObisCode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vector: NEXXTLAB/go-smarty-reader Decryption_test.go (see src/test/resources/p1/SOURCES.md). */
class SmartyFrameTest {
  private static final byte[] KEY = HexFormat.of().parseHex("D491470F47126332B07D1923B3504188");
  private static final byte[] AK = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");

  static byte[] frame() throws Exception {
    return HexFormat.of()
        .parseHex(
            new String(P1DecoderTest.resource("smarty-encrypted.hex"), StandardCharsets.US_ASCII)
                .strip());
  }

  @Test
  void decryptsLuxembourgSmartyFrameToAValidDsmrTelegram() throws Exception {
    byte[] frame = frame();
    assertThat(frame).hasSize(647);
    assertThat(SmartyFrame.isEncrypted(frame)).isTrue();
    byte[] telegram = SmartyFrame.decrypt(frame, KEY, AK);
    assertThat(telegram).hasSize(617);
    P1Telegram t = P1Decoder.decode(telegram);
    assertThat(t.identification()).isEqualTo("Lux5\\253663629_D");
    assertThat(t.crc().expected()).isEqualTo(0xCFDE);
    assertThat(t.equipmentId()).contains("SAG1030700114004");
    assertThat(t.timestamp()).contains(OffsetDateTime.parse("2018-01-30T10:21:22+01:00"));
    assertThat(t.values())
        .filteredOn(v -> v.obis().equals(ObisCode.ACTIVE_ENERGY_IMPORT))
        .singleElement()
        .satisfies(v -> assertThat(v.value()).isEqualTo(6695.0));
    assertThat(t.values())
        .filteredOn(v -> v.obis().equals(ObisCode.parse("0-0:17.0.0")))
        .singleElement()
        .satisfies(v -> assertThat(v.value()).isEqualTo(77.376));
  }

  @Test
  void refusesAWrongKeyWithoutReturningPlaintext() throws Exception {
    byte[] wrong = HexFormat.of().parseHex("D491470F47126332B07D1923B3504100");
    assertThatThrownBy(() -> SmartyFrame.decrypt(frame(), wrong, AK))
        .isInstanceOf(Iec21Exception.class)
        .hasMessage("Smarty frame: GCM tag check failed (wrong key or altered frame)");
  }

  @Test
  void refusesATruncatedFrameNamingTheLength() throws Exception {
    byte[] f = frame();
    byte[] truncated = java.util.Arrays.copyOf(f, 100);
    assertThatThrownBy(() -> SmartyFrame.decrypt(truncated, KEY, AK))
        .hasMessage("Smarty frame: length 634 exceeds the remaining 87 bytes");
  }

  @Test
  void refusesAKeyOfTheWrongLength() {
    assertThatThrownBy(() -> SmartyFrame.decrypt(new byte[] {(byte) 0xDB}, new byte[15], AK))
        .hasMessage("Smarty encryption key must be 16 bytes (32 hex digits), got 15");
  }
}
