package io.loadlens.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineProtocolTest {

  @Test
  void writesMeasurementTagsFieldsAndTime() {
    String s =
        new LineProtocol()
            .measurement("raw_data")
            .tag("meter", "SIM-00001")
            .tag("obis", "1-0:1.29.0.255")
            .field("value", 1.5)
            .field("status", 8)
            .field("ok", true)
            .time(1767225600)
            .toString();
    assertThat(s)
        .isEqualTo(
            "raw_data,meter=SIM-00001,obis=1-0:1.29.0.255 value=1.5,status=8i,ok=true 1767225600\n");
  }

  @Test
  void measurementEscapesCommaAndSpaceButNotEquals() {
    String s = new LineProtocol().measurement("load, kW=1").field("v", 1L).time(0).toString();
    assertThat(s).isEqualTo("load\\,\\ kW=1 v=1i 0\n");
  }

  @Test
  void tagKeysTagValuesAndFieldKeysEscapeCommaEqualsAndSpace() {
    String s =
        new LineProtocol()
            .measurement("m")
            .tag("meter id", "a,b=c d")
            .field("x=y, z", 2.0)
            .time(5)
            .toString();
    assertThat(s).isEqualTo("m,meter\\ id=a\\,b\\=c\\ d x\\=y\\,\\ z=2 5\n");
  }

  @Test
  void stringFieldValuesAreQuotedWithQuoteAndBackslashEscaped() {
    String s =
        new LineProtocol()
            .measurement("m")
            .field("note", "say \"hi\" C:\\x, y=1")
            .time(1)
            .toString();
    assertThat(s).isEqualTo("m note=\"say \\\"hi\\\" C:\\\\x, y=1\" 1\n");
  }

  @Test
  void tagValueBackslashInsideIsKeptAsIs() {
    String s =
        new LineProtocol().measurement("m").tag("k", "a\\b").field("v", 1L).time(1).toString();
    assertThat(s).isEqualTo("m,k=a\\b v=1i 1\n");
  }

  @Test
  void floatsAreShortestRoundTripAndIntegersCarryTheSuffix() {
    assertThat(LineProtocol.floatText(2.0)).isEqualTo("2");
    assertThat(LineProtocol.floatText(-0.25)).isEqualTo("-0.25");
    assertThat(LineProtocol.floatText(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(LineProtocol.floatText(1.5e20)).isEqualTo("1.5e20");
    assertThat(new LineProtocol().measurement("m").field("n", -3L).time(1).toString())
        .isEqualTo("m n=-3i 1\n");
  }

  @Test
  void severalLinesAreNewlineSeparated() {
    LineProtocol p = new LineProtocol();
    p.measurement("m").field("v", 1.0).time(1);
    p.measurement("m").field("v", 2.0).time(2);
    assertThat(p.lines()).isEqualTo(2);
    assertThat(p.toString()).isEqualTo("m v=1 1\nm v=2 2\n");
  }

  @Test
  void rejectsLineBreaksEmptyNamesTrailingBackslashesAndNonFiniteValues() {
    assertThatThrownBy(() -> new LineProtocol().measurement("m").tag("meter", "a\nb"))
        .hasMessageContaining("tag value of meter")
        .hasMessageContaining("line break");
    assertThatThrownBy(() -> new LineProtocol().measurement(""))
        .hasMessageContaining("measurement must not be empty");
    assertThatThrownBy(() -> new LineProtocol().measurement("m").tag("k", "x\\"))
        .hasMessageContaining("ends in a backslash");
    assertThatThrownBy(() -> new LineProtocol().measurement("m").field("value", Double.NaN))
        .hasMessageContaining("field value must be a finite number, got NaN");
    assertThatThrownBy(() -> new LineProtocol().measurement("m").field("s", "a\r\nb"))
        .hasMessageContaining("field s holds a line break");
  }

  @Test
  void rejectsLinesOutOfOrder() {
    assertThatThrownBy(() -> new LineProtocol().measurement("m").time(1))
        .hasMessageContaining("at least one field");
    assertThatThrownBy(() -> new LineProtocol().measurement("m").field("v", 1L).tag("k", "v"))
        .hasMessageContaining("outside the tag set");
    assertThatThrownBy(() -> new LineProtocol().measurement("m").field("v", 1L).toString())
        .hasMessageContaining("no time");
  }
}
