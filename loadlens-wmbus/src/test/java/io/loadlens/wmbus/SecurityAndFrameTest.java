package io.loadlens.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Telegrams built in the test with the standard constructions, where no public vector exists: TPL
 * mode 7 behind an AFL with MCL, MCR and an 8-byte MAC (OMS Vol. 2 §9.2.4, key derivation per EN
 * 13757-7 §9.6 as in wmbusmeters), and frame format B (EN 13757-4 §5.2.2) of the OMS example W1.
 */
class SecurityAndFrameTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY = HEX.parseHex("000102030405060708090A0B0C0D0E0F");

  /** L C M(ELS) A(12345678, v0x33, gas). */
  private static final String DLL_AFTER_L = "4493157856341233" + "03";

  /** The plain application data of W1/W3: volume, date-time, error flags, then 2F fillers. */
  private static final String PLAIN_RECORDS = "2F2F0C1427048502046D32371F1502FD170000";

  private static final byte[] MCR = HEX.parseHex("B30A0000");
  private static final byte[] ID = HEX.parseHex("78563412");

  private static byte[] kdf(byte[] key, int constant) {
    byte[] in = new byte[16];
    in[0] = (byte) constant;
    System.arraycopy(MCR, 0, in, 1, 4);
    System.arraycopy(ID, 0, in, 5, 4);
    Arrays.fill(in, 9, 16, (byte) 0x07);
    return Aes.cmac(key, in);
  }

  /** Builds a mode 7 telegram (no DLL CRCs) encrypted and authenticated with {@code key}. */
  static byte[] mode7Telegram(byte[] key) {
    byte[] plain = Arrays.copyOf(HEX.parseHex(PLAIN_RECORDS), 32);
    Arrays.fill(plain, PLAIN_RECORDS.length() / 2, 32, (byte) 0x2F);
    byte[] cipher = Aes.cbcEncrypt(kdf(key, 0x00), new byte[16], plain);
    ByteArrayOutputStream tpl = new ByteArrayOutputStream();
    // CI 7A, ACC 0x2A, ST 00, CF = mode 7, 2 blocks (LE: 20 07), CFE 0x10 = KDF A
    tpl.writeBytes(HEX.parseHex("7A2A00200710"));
    tpl.writeBytes(cipher);
    byte[] tplBytes = tpl.toByteArray();
    int mcl = 0x25; // AT = 5: AES-CMAC truncated to 8 bytes
    byte[] msg = new byte[1 + 4 + tplBytes.length];
    msg[0] = (byte) mcl;
    System.arraycopy(MCR, 0, msg, 1, 4);
    System.arraycopy(tplBytes, 0, msg, 5, tplBytes.length);
    byte[] mac = Arrays.copyOf(Aes.cmac(kdf(key, 0x01), msg), 8);
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    t.write(0); // L, set below
    t.writeBytes(HEX.parseHex(DLL_AFTER_L));
    // AFL: CI 90, AFL.L 0x0F, FCL 0x2C00 (MCL, MCR, MAC present), MCL, MCR, MAC
    t.writeBytes(HEX.parseHex("900F002C"));
    t.write(mcl);
    t.writeBytes(MCR);
    t.writeBytes(mac);
    t.writeBytes(tplBytes);
    byte[] out = t.toByteArray();
    out[0] = (byte) (out.length - 1);
    return out;
  }

  @Test
  void decodesAMode7TelegramWithKeyDerivationAndAflMac() {
    WMBusTelegram t = TelegramDecoder.decode(mode7Telegram(KEY), KeyLookup.single(KEY));
    assertThat(t.security()).isEqualTo("TPL mode 7 (AES-128-CBC, KDF)");
    assertThat(t.checks()).contains("AFL MAC", "2F2F after decryption");
    assertThat(t.manufacturer()).isEqualTo("ELS");
    assertThat(t.id()).isEqualTo("12345678");
    assertThat(t.accessNumber()).isEqualTo(0x2A);
    DataRecord volume = t.records().get(0);
    assertThat(volume.description()).isEqualTo("volume");
    assertThat(volume.value()).isCloseTo(28504.27, within(1e-6));
    assertThat(t.records().get(1).text()).isEqualTo("2008-05-31T23:50");
  }

  @Test
  void refusesAMode7TelegramWithOneCiphertextByteFlippedAtTheMac() {
    byte[] telegram = mode7Telegram(KEY);
    telegram[telegram.length - 5] ^= 0x01;
    assertThatThrownBy(() -> TelegramDecoder.decode(telegram, KeyLookup.single(KEY)))
        .isInstanceOf(WMBusException.class)
        .hasMessageStartingWith("wM-Bus ELS 12345678: AFL MAC check failed: actual ")
        .hasMessageContaining(" != expected ");
  }

  @Test
  void refusesAMode7TelegramUnderAWrongKeyAtTheMac() {
    byte[] wrong = KEY.clone();
    wrong[15] ^= 0x55;
    assertThatThrownBy(() -> TelegramDecoder.decode(mode7Telegram(KEY), KeyLookup.single(wrong)))
        .isInstanceOf(WMBusException.class)
        .hasMessageContaining("AFL MAC check failed");
  }

  /** W1 in frame format B: L counts the CRC; one CRC after block 1+2. */
  @Test
  void decodesTheOmsExampleInFrameFormatB() {
    byte[] w1 =
        HEX.parseHex(
            "2E4493157856341233037A2A0020255923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3");
    byte[] b = Arrays.copyOf(w1, w1.length + 2);
    b[0] = (byte) (w1.length + 1); // L = bytes after L, CRC included
    int crc = WMBusCrc.compute(b, 0, w1.length);
    b[w1.length] = (byte) (crc >> 8);
    b[w1.length + 1] = (byte) crc;
    WMBusTelegram t =
        TelegramDecoder.decode(
            b, KeyLookup.single(HEX.parseHex("0102030405060708090A0B0C0D0E0F11")));
    assertThat(t.format()).isEqualTo(LinkLayer.Format.B);
    assertThat(t.records().get(0).value()).isCloseTo(28504.27, within(1e-6));

    b[20] ^= 0x01; // the CRC no longer holds: not frame B, and too short for frame A
    assertThatThrownBy(() -> TelegramDecoder.decode(b, KeyLookup.NONE))
        .isInstanceOf(WMBusException.class);
  }
}
