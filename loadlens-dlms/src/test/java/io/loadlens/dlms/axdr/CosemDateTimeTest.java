package io.loadlens.dlms.axdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CosemDateTimeTest {

  @Property(tries = 300)
  void fastEpochSecondsAgreesWithJavaTimeAcrossZonesAndDst(
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long epoch, @ForAll("zones") String zone) {
    Instant t = Instant.ofEpochSecond(epoch);
    CosemDateTime dt = CosemDateTime.of(t, ZoneId.of(zone));
    byte[] b = dt.encode();
    assertThat(CosemDateTime.epochSeconds(b, 0)).isEqualTo(epoch);
    assertThat(CosemDateTime.decode(b, 0)).isEqualTo(dt);
    assertThat(dt.toInstant(ZoneOffset.UTC)).contains(t);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> zones() {
    return net.jqwik.api.Arbitraries.of(
        "UTC",
        "Europe/Brussels",
        "Europe/Vienna",
        "America/Los_Angeles",
        "Australia/Sydney",
        "Asia/Kolkata");
  }

  @Test
  void encodesBrusselsSummerTimeWithGreenBookDeviationSign() {
    CosemDateTime dt =
        CosemDateTime.of(Instant.parse("2024-07-01T10:00:00Z"), ZoneId.of("Europe/Brussels"));
    // 12:00 local, deviation -120 (UTC = local + deviation), DST bit
    assertThat(HexFormat.of().formatHex(dt.encode())).isEqualTo("07e80701010c000000ff8880");
  }

  @Test
  void readsUnspecifiedDeviationInFallbackZoneAndWildcardsAsAbsent() {
    byte[] b = HexFormat.of().parseHex("07E80C1902173B00FF800000");
    assertThat(CosemDateTime.decode(b, 0).toInstant(ZoneId.of("Europe/Brussels")))
        .contains(Instant.parse("2024-12-25T22:59:00Z"));
    byte[] wildcard = HexFormat.of().parseHex("FFFFFFFFFFFFFFFFFF800000");
    assertThat(CosemDateTime.decode(wildcard, 0).toInstant(ZoneOffset.UTC)).isEmpty();
    assertThat(CosemDateTime.epochSeconds(wildcard, 0)).isEqualTo(Long.MIN_VALUE);
  }
}
