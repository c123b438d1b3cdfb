package io.loadlens.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBytesTest {

  private static String write(double x) {
    return new String(new JsonBytes(8).number(x).toByteArray(), StandardCharsets.US_ASCII);
  }

  private static String write(long x) {
    return new String(new JsonBytes(8).number(x).toByteArray(), StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {
        0.0,
        -0.0,
        1,
        -1,
        0.1,
        0.001,
        0.0011,
        9.999,
        10,
        123.5,
        123.45,
        123.456,
        123.4567,
        1e-3,
        9.99e-4,
        1e7,
        9_999_999.999,
        1234567.125,
        0.3,
        2.675,
        1e22,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        -4.2e-5
      })
  void formatsDoublesExactlyAsDoubleToString(double x) {
    assertThat(write(x)).isEqualTo(Double.toString(x));
  }

  @Property(tries = 3000)
  void anyDoubleIsWrittenAsDoubleToStringWrites(@ForAll double x) {
    if (Double.isFinite(x)) {
      assertThat(write(x)).isEqualTo(Double.toString(x));
    }
  }

  @Property(tries = 3000)
  void meterValuesWithFewDecimalsAreWrittenAsDoubleToStringWrites(
      @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long m,
      @ForAll @IntRange(min = 0, max = 4) int decimals) {
    double x = m / Math.pow(10, decimals);
    assertThat(write(x)).isEqualTo(Double.toString(x));
  }

  @Property(tries = 1000)
  void longsAreWrittenAsLongToStringWrites(@ForAll long x) {
    assertThat(write(x)).isEqualTo(Long.toString(x));
  }

  @Property(tries = 1000)
  void countsTheDigitsOfEveryNonNegativeLong(@ForAll @LongRange(min = 0) long x) {
    assertThat(JsonBytes.digits(x)).isEqualTo(Long.toString(x).length());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 9, 10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L})
  void countsDigitsAtEveryPowerOfTen(long x) {
    assertThat(JsonBytes.digits(x)).isEqualTo(Long.toString(x).length());
  }

  @ParameterizedTest
  @ValueSource(
      longs = {
        0,
        9,
        10,
        99,
        100,
        2_147_483_647L,
        2_147_483_648L,
        1_704_067_200L,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        -7
      })
  void writesLongEdgeValues(long x) {
    assertThat(write(x)).isEqualTo(Long.toString(x));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void writesNonFiniteValuesAsNull(double x) {
    assertThat(write(x)).isEqualTo("null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"plain", "m³", "quote\"and\\back", "tab\tnew\nline\u0001", "emoji 😀 end"})
  void escapesStringsAsJsonRequiresAndEncodesUtf8(String s) throws Exception {
    byte[] json = new JsonBytes(4).string(s).toByteArray();
    assertThat(ReadingsJsonTest.JSON.readTree(json).asText()).isEqualTo(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0001", "\u001f"})
  void escapesOtherControlCharactersAsUnicodeEscapes(String s) {
    String json = new String(new JsonBytes(4).string(s).toByteArray(), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("\"\\u00" + String.format("%02X", (int) s.charAt(0)) + "\"");
  }
}
