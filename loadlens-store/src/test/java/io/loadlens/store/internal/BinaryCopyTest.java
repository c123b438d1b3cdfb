package io.loadlens.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class BinaryCopyTest {
  private static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  @Test
  void decodesTimeValueStatusRowsWithTimesFromThePostgresEpoch() throws SQLException {
    ByteBuffer b = ByteBuffer.allocate(HEADER.length + 2 * 34 + 2).put(HEADER);
    row(b, 0L, 1.5, 0); // 2000-01-01T00:00:00Z
    row(b, -1L, -2.25, 5); // one microsecond before it: floors to the second before
    b.putShort((short) -1);
    BinaryCopy.Rows r = BinaryCopy.readTimeValueStatus(b.array());
    assertThat(r.epochSeconds()).containsExactly(946_684_800L, 946_684_799L);
    assertThat(r.values()).containsExactly(1.5, -2.25);
    assertThat(r.status()).containsExactly(0, 5);
  }

  @Test
  void rejectsStreamWithoutSignature() {
    assertThatThrownBy(() -> BinaryCopy.readTimeValueStatus(new byte[] {'P', 'G', 'X'}))
        .isInstanceOf(SQLException.class)
        .hasMessage("binary COPY: signature missing at offset 2");
  }

  @Test
  void rejectsFieldOfTheWrongLength() {
    ByteBuffer b = ByteBuffer.allocate(HEADER.length + 40).put(HEADER);
    b.putShort((short) 3).putInt(4).putInt(0);
    assertThatThrownBy(() -> BinaryCopy.readTimeValueStatus(b.array()))
        .isInstanceOf(SQLException.class)
        .hasMessage("binary COPY row 0 field timestamp: length 4, expected 8");
  }

  private static void row(ByteBuffer b, long micros, double value, int status) {
    b.putShort((short) 3);
    b.putInt(8).putLong(micros);
    b.putInt(8).putDouble(value);
    b.putInt(2).putShort((short) status);
  }
}
