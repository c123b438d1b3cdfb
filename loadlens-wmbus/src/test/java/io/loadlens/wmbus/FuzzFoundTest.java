package io.loadlens.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Inputs DecoderFuzzTest found that escaped as index errors, now named decode errors. */
class FuzzFoundTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void namesAMode5TelegramThatAnnouncesNoEncryptedBlocks() {
    // W1's header with CF = 0x0500: mode 5, 0 blocks
    assertThatThrownBy(
            () ->
                TelegramDecoder.decode(
                    hex("0E4493157856341233037A2A000005"), KeyLookup.single(new byte[16])))
        .isInstanceOf(WMBusException.class)
        .hasMessage(
            "wM-Bus ELS 12345678: TPL mode 5 (AES-128-CBC, IV) announces 0 encrypted blocks");
  }

  @Test
  void namesAnAflWhoseFieldsRunPastItsLength() {
    // AFL.L = 3 but FCL announces MCL, MCR and MAC
    assertThatThrownBy(
            () ->
                TelegramDecoder.decode(hex("114493157856341233039003002C25B30A7A"), KeyLookup.NONE))
        .isInstanceOf(WMBusException.class)
        .hasMessage(
            "wM-Bus ELS 12345678: AFL field MCR needs 4 bytes at offset 15, the AFL ends at 15");
  }

  @Test
  void decodesARecordWithoutDataAtTheEndOfThePayload() {
    // DIF 00 (no data), VIF 13 (volume), as the last bytes
    assertThat(DataRecordDecoder.decode(hex("0013"), 0, 2))
        .singleElement()
        .satisfies(r -> assertThat(r.isNumeric()).isFalse());
  }

  @Test
  void refusesAFrameBWhoseThirdBlockIsTooShortForItsCrc() {
    byte[] frame = new byte[129];
    frame[0] = (byte) 128;
    // Block 1+2's CRC ends at byte 127, block 3's "CRC" would be bytes 127-128 over no data,
    // 0xFFFF: pick content whose block 1+2 CRC ends in 0xFF so both seem to match.
    int crc12 = 0;
    for (int v = 0; v < 65536 && (crc12 & 0xFF) != 0xFF; v++) {
      frame[5] = (byte) v;
      frame[6] = (byte) (v >> 8);
      crc12 = WMBusCrc.compute(frame, 0, 126);
    }
    assertThat(crc12 & 0xFF).isEqualTo(0xFF);
    frame[126] = (byte) (crc12 >> 8);
    frame[127] = (byte) 0xFF;
    frame[128] = (byte) 0xFF;
    assertThat(LinkLayer.strip(frame).format()).isEqualTo(LinkLayer.Format.NO_CRC);
  }
}
