package io.loadlens.dlms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsFramingException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CipheringTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Found by SecuritySuite0FuzzTest (kept as its input crash-59e98705...): a general-glo-ciphering
   * APDU with a 1-octet system title passed decode and made unprotect throw an
   * IllegalArgumentException, which the client, server and push decoder do not expect.
   */
  @Test
  void rejectsGeneralCipheringWithSystemTitleNotEightOctets() {
    byte[] apdu = HEX.parseHex("DB01DB084B012850004D6560");
    assertThatThrownBy(() -> Ciphering.decode(apdu))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessageContaining("system-title length 1 at offset 1 != expected 8");
  }

  @Test
  void decodesGeneralCipheringWithEightOctetSystemTitle() {
    byte[] st = HEX.parseHex("4D4D4D0000BC614E");
    byte[] info = HEX.parseHex("0102030405060708090A0B0C");
    byte[] apdu = Ciphering.encodeGeneralGlo(st, SecurityControl.AUTH, 7, info);
    Ciphering.Ciphered c = Ciphering.decode(apdu);
    assertThat(c.systemTitle()).isEqualTo(st);
    assertThat(c.ic()).isEqualTo(7);
    assertThat(c.info()).isEqualTo(info);
  }
}
