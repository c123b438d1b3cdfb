package io.loadlens.transport.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.transport.Fleet;
import io.loadlens.transport.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  private final WireCodec json = WireCodec.json();
  private final WireCodec binary = WireCodec.binary();

  private static ReadingBatch sample() {
    MeterId m = MeterId.of("KFM_1001");
    IntervalSeries energy =
        new IntervalSeries(
            m,
            ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
            Unit.WATT_HOUR,
            new long[] {1709251200, 1709252100, 1709253000},
            new double[] {12.5, Double.NaN, -0.25},
            new int[] {0, 0x80, 0x24});
    IntervalSeries volts =
        IntervalSeries.of(
            m, ObisCode.VOLTAGE_L1, Unit.VOLT, new long[] {1709251200}, new double[] {231.4});
    return new ReadingBatch(
        UUID.fromString("0b7e5f2c-1f5a-4a44-9d43-2c1b0b0b9a01"),
        m,
        "dlms",
        Instant.parse("2024-03-01T00:31:02.123456789Z"),
        List.of(energy, volts));
  }

  @Test
  void jsonRoundTripKeepsEveryField() {
    ReadingBatch b = sample();
    assertThat(json.decode(json.encode(b))).isEqualTo(b);
  }

  @Test
  void binaryRoundTripKeepsEveryField() {
    ReadingBatch b = sample();
    assertThat(binary.decode(binary.encode(b))).isEqualTo(b);
  }

  @Test
  void eitherCodecDecodesTheOtherFormat() {
    ReadingBatch b = sample();
    assertThat(json.decode(binary.encode(b))).isEqualTo(b);
    assertThat(binary.decode(json.encode(b))).isEqualTo(b);
  }

  @Test
  void jsonLooksAsDocumented() {
    String text = new String(json.encode(sample()), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "{\"schema\":1,\"batchId\":\"0b7e5f2c-1f5a-4a44-9d43-2c1b0b0b9a01\",\"meter\":\"KFM_1001\"")
        .contains(
            "\"obis\":\"1-0:1.29.0.255\",\"unit\":\"Wh\",\"rows\":[[1709251200,12.5,0],[1709252100,null,128]");
  }

  @Test
  void binaryIsAboutAThirdOfJsonForADayOfQuarterHours() {
    ReadingBatch day = Fleet.batches(1, 1, 96, 7).get(0);
    int j = json.encode(day).length;
    int b = binary.encode(day).length;
    assertThat(b).isLessThan(j / 2);
  }

  private static String jsonError(String text) {
    try {
      WireCodec.json().decode(text.getBytes(StandardCharsets.UTF_8));
    } catch (MalformedMessageException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + text);
  }

  private static final String OK_HEAD =
      "{\"schema\":1,\"batchId\":\"0b7e5f2c-1f5a-4a44-9d43-2c1b0b0b9a01\",\"meter\":\"M1\",\"source\":\"p1\",\"readAt\":\"2024-03-01T00:00:00Z\",";

  @Test
  void rejectsUnknownSchemaVersionNamingTheField() {
    assertThat(jsonError(OK_HEAD.replace("\"schema\":1", "\"schema\":2") + "\"series\":[]}"))
        .isEqualTo("schema: version 2 is unknown (this reader knows 1)");
  }

  @Test
  void rejectsMalformedFieldsNamingThem() {
    assertThat(jsonError(OK_HEAD.replace("M1", "M 1") + "\"series\":[]}"))
        .startsWith("meter: 'M 1' is invalid");
    assertThat(jsonError(OK_HEAD + "\"series\":[],\"extra\":1}"))
        .startsWith("extra: unknown field");
    assertThat(
            jsonError(
                OK_HEAD
                    + "\"series\":[{\"obis\":\"1-0:1.8.0.255\",\"unit\":\"Wh\",\"rows\":[[1,\"x\",0]]}]}"))
        .isEqualTo("series[0].rows[0][1] (value): not a number, got \"x\"");
    assertThat(
            jsonError(
                OK_HEAD
                    + "\"series\":[{\"obis\":\"1-0:1.8.0.255\",\"unit\":\"Wh\",\"rows\":[[2,1,0],[1,1,0]]}]}"))
        .startsWith("series[0].rows: series M1 1-0:1.8.0.255: times must be strictly increasing");
    assertThat(
            jsonError(
                OK_HEAD
                    + "\"series\":[{\"obis\":\"1-0:1.8.0.255\",\"unit\":\"furlong\",\"rows\":[]}]}"))
        .startsWith("series[0].unit: 'furlong' is invalid");
    assertThat(jsonError(OK_HEAD.replace("2024-03-01T00:00:00Z", "yesterday") + "\"series\":[]}"))
        .startsWith("readAt: 'yesterday' is invalid");
    assertThat(jsonError(OK_HEAD + "\"series\":[]")).startsWith("JSON: Unexpected end-of-input");
    assertThat(jsonError(OK_HEAD + "\"series\":[]} {}")).startsWith("JSON: Trailing token");
    assertThat(jsonError("{\"schema\":1,\"schema\":1}"))
        .startsWith("JSON: Duplicate field 'schema'");
  }

  @Test
  void rejectsOversizedPayloadBeforeParsing() {
    WireCodec small = new WireCodec(WireCodec.Format.JSON, 1000);
    byte[] big = new byte[1001];
    Arrays.fill(big, (byte) '{');
    assertThatThrownBy(() -> small.decode(big))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage("payload: 1001 bytes exceeds the limit of 1000 bytes");
  }

  @Test
  void refusesToEncodeABatchAboveTheLimit() {
    WireCodec small = new WireCodec(WireCodec.Format.JSON, 1000);
    assertThatThrownBy(() -> small.encode(Fleet.batches(1, 1, 96, 1).get(0)))
        .hasMessageContaining("exceeds the limit of 1000 bytes");
  }

  @Test
  void rejectsUnknownFirstByte() {
    assertThatThrownBy(() -> json.decode(new byte[] {0x00, 0x01}))
        .hasMessage("payload: first byte 0x00 is neither '{' (JSON) nor 'L' (binary)");
  }

  @Test
  void rejectsTruncatedBinaryAtEveryLength() {
    byte[] full = binary.encode(sample());
    for (int n = 1; n < full.length; n++) {
      byte[] cut = Arrays.copyOf(full, n);
      assertThatThrownBy(() -> binary.decode(cut)).isInstanceOf(MalformedMessageException.class);
    }
  }

  @Test
  void rejectsBinaryOfUnknownVersion() {
    byte[] b = binary.encode(sample());
    b[2] = 9;
    assertThatThrownBy(() -> binary.decode(b))
        .hasMessage("schema: version 9 is unknown (this reader knows 1)");
  }

  @Property(tries = 200)
  void binaryDecoderNeverFailsOtherwiseThanMalformed(
      @ForAll byte[] noise, @ForAll @IntRange(min = 0, max = 200) int at) {
    byte[] b = binary.encode(sample());
    for (int i = 0; i < noise.length && at + i < b.length; i++) {
      b[at + i] ^= noise[i];
    }
    try {
      binary.decode(b);
    } catch (MalformedMessageException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
