package io.loadlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObisCodeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1-0:1.8.0.255",
        "1-0:1.8.0*255",
        "1-0:1.8.0",
        "1.0.1.8.0.255",
        "1.8.0",
        " 1-0:1.8.0&255 "
      })
  void parsesEveryAcceptedFormOfActiveEnergyImport(String text) {
    assertThat(ObisCode.parse(text)).isEqualTo(ObisCode.ACTIVE_ENERGY_IMPORT);
  }

  @org.junit.jupiter.api.Test
  void acceptsTheSeedsChannelOneFormAsItsOwnCode() {
    assertThat(ObisCode.parse("1.1.1.8.0.255")).isEqualTo(new ObisCode(1, 1, 1, 8, 0, 255));
  }

  @org.junit.jupiter.api.Test
  void formatsCanonicallyAndDotted() {
    assertThat(ObisCode.LOAD_PROFILE_1).hasToString("1-0:99.1.0.255");
    assertThat(ObisCode.LOAD_PROFILE_1.toDotted()).isEqualTo("1.0.99.1.0.255");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1-0:1.8", "a.b.c.d.e.f", "1-0:1.8.0.256", "1.2.3.4.5.6.7"})
  void rejectsTextThatIsNotAnObisCodeNamingTheText(String text) {
    assertThatThrownBy(() -> ObisCode.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @org.junit.jupiter.api.Test
  void rejectsAValueGroupAbove255NamingTheGroup() {
    assertThatThrownBy(() -> new ObisCode(1, 0, 300, 8, 0, 255))
        .hasMessage("OBIS value group C = 300 is outside 0..255");
  }

  @org.junit.jupiter.api.Test
  void rejectsShortWireForm() {
    assertThatThrownBy(() -> ObisCode.fromBytes(new byte[5]))
        .hasMessage("OBIS code needs 6 octets, got 5");
  }

  @Property
  void wireAndTextFormsRoundTrip(
      @ForAll @IntRange(max = 255) int a,
      @ForAll @IntRange(max = 255) int b,
      @ForAll @IntRange(max = 255) int c,
      @ForAll @IntRange(max = 255) int d,
      @ForAll @IntRange(max = 255) int e,
      @ForAll @IntRange(max = 255) int f) {
    ObisCode code = new ObisCode(a, b, c, d, e, f);
    assertThat(ObisCode.fromBytes(code.toBytes())).isEqualTo(code);
    assertThat(ObisCode.parse(code.toString())).isEqualTo(code);
    assertThat(ObisCode.parse(code.toDotted())).isEqualTo(code);
  }
}
