package io.loadlens.dlms.cosem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.apdu.GetResponse;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.DataType;
import io.loadlens.dlms.cosem.ProfileBufferDecoder.Role;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The real 1440-row load profile of dlms.md V18 (u9n/dlms-cosem test_get.py): row 1 carries
 * 2019-12-19 02:00 (deviation -60), the other rows a null-data clock, status unsigned 6 and two
 * double-long-unsigned values 1517 and 1620.
 */
class ProfileBufferDecoderTest {
  static final HexFormat HEX = HexFormat.of();
  static final byte[] ROW1_CLOCK = HEX.parseHex("07E30C130402000000FFC400");
  static final ProfileBufferDecoder DECODER =
      new ProfileBufferDecoder(
          new Role[] {Role.CLOCK, Role.STATUS, Role.VALUE, Role.VALUE},
          new int[] {0, 0, 0, -1},
          60);

  static byte[] v18Buffer() {
    AxdrWriter w = new AxdrWriter().arrayHeader(1440);
    for (int i = 0; i < 1440; i++) {
      w.structureHeader(4);
      if (i == 0) {
        w.u8(DataType.OCTET_STRING.tag()).u8(12).bytes(ROW1_CLOCK);
      } else {
        w.u8(DataType.NULL_DATA.tag());
      }
      w.integer(DataType.UNSIGNED, 6);
      w.integer(DataType.DOUBLE_LONG_UNSIGNED, 1517);
      w.integer(DataType.DOUBLE_LONG_UNSIGNED, 1620);
    }
    return w.toByteArray();
  }

  @Test
  void encodesFirstBlockExactlyAsTheMeterOfV18() {
    byte[] raw = Arrays.copyOf(v18Buffer(), 1182);
    byte[] block = new GetResponse.WithDataBlock(0xC1, false, 1, raw, null).encode();
    byte[] prefix = GreenBookVectors.get("V18-block1-prefix");
    assertThat(Arrays.copyOf(block, prefix.length)).isEqualTo(prefix);
  }

  @Test
  void decodesV18BufferReassembledFromBlocksThatEndMidRow() {
    byte[] buffer = v18Buffer();
    ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
    for (int off = 0, n = 1; off < buffer.length; off += 1182, n++) {
      byte[] raw = Arrays.copyOfRange(buffer, off, Math.min(buffer.length, off + 1182));
      byte[] apdu =
          new GetResponse.WithDataBlock(0xC1, off + 1182 >= buffer.length, n, raw, null).encode();
      reassembled.writeBytes(((GetResponse.WithDataBlock) GetResponse.decode(apdu)).raw());
    }
    byte[] b = reassembled.toByteArray();
    ProfileBufferDecoder.Columns c = DECODER.decode(b, 0, b.length);
    assertThat(c.rows()).isEqualTo(1440);
    long first = Instant.parse("2019-12-19T01:00:00Z").getEpochSecond();
    assertThat(c.epochSeconds()[0]).isEqualTo(first);
    assertThat(c.epochSeconds()[1439]).isEqualTo(first + 1439 * 60L);
    assertThat(c.status()[77]).isEqualTo(6);
    assertThat(c.values()[0][77]).isEqualTo(1517.0);
    assertThat(c.values()[1][77]).isEqualTo(162.0);
  }

  @Test
  void rejectsTruncatedBufferNamingTheSizes() {
    byte[] b = Arrays.copyOf(v18Buffer(), 1182);
    assertThatThrownBy(() -> DECODER.decode(b, 0, b.length))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessage("profile buffer: 1440 rows cannot fit in remaining 1178 octets");
  }

  @Test
  void rejectsNullClockOnFirstRow() {
    byte[] b = HEX.parseHex("010102040011060600000001060000000200");
    assertThatThrownBy(() -> DECODER.decode(b, 0, b.length - 1))
        .isInstanceOf(DlmsFramingException.class)
        .hasMessageContaining("no previous row time");
  }

  /** Access to the shared vector file. */
  static final class GreenBookVectors {
    static byte[] get(String name) {
      return io.loadlens.dlms.apdu.GreenBookVectorsTestAccess.vector(name);
    }
  }
}
