package io.loadlens.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ReadingsJsonTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

  static Readings validated(double[] v) {
    long[] t = new long[v.length];
    String[] q = new String[v.length];
    String[] m = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      t[i] = FROM.getEpochSecond() + 900L * i;
      q[i] = Double.isNaN(v[i]) ? "MISSING" : "VALID";
    }
    return new Readings(
        "M1",
        "1-0:1.29.0.255",
        "Wh",
        "validated",
        900,
        "none",
        FROM,
        FROM.plusSeconds(900L * v.length),
        v.length,
        t,
        v,
        q,
        m,
        null,
        Map.of("VALID", v.length),
        "vee-1");
  }

  @Test
  void writesEveryFieldWithNullForMissingValues() throws Exception {
    JsonNode n = JSON.readTree(ReadingsJson.encode(validated(new double[] {1.5, Double.NaN, 3})));
    assertThat(n.get("meter").asText()).isEqualTo("M1");
    assertThat(n.get("from").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(n.get("resolutionSeconds").asLong()).isEqualTo(900);
    assertThat(n.get("count").asInt()).isEqualTo(3);
    assertThat(n.get("t").get(1).asLong()).isEqualTo(FROM.getEpochSecond() + 900);
    assertThat(n.get("v").get(0).asDouble()).isEqualTo(1.5);
    assertThat(n.get("v").get(1).isNull()).isTrue();
    assertThat(n.get("quality").get(1).asText()).isEqualTo("MISSING");
    assertThat(n.get("method").get(0).isNull()).isTrue();
    assertThat(n.get("status").isNull()).isTrue();
    assertThat(n.get("qualityCounts").get("VALID").asInt()).isEqualTo(3);
    assertThat(n.get("veeVersion").asText()).isEqualTo("vee-1");
  }

  @Test
  void objectMapperUsesTheSameEncoding() throws Exception {
    Readings r = validated(new double[] {1, 2.25, Double.NaN});
    assertThat(JSON.readTree(JSON.writeValueAsBytes(r)))
        .isEqualTo(JSON.readTree(ReadingsJson.encode(r)));
    assertThat(JSON.readTree(JSON.writeValueAsBytes(ReadingsBody.of(r))))
        .isEqualTo(JSON.readTree(ReadingsJson.encode(r)));
  }

  @Test
  void restBytesAreExactlyWhatTheObjectMapperWrites() throws Exception {
    double[] v = new double[500];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 7 == 0 ? Double.NaN : i % 3 == 0 ? i / 3.0 : Math.round(i * 12.345) / 10.0;
    }
    Readings validated = validated(v);
    assertThat(new String(ReadingsJson.encode(validated), StandardCharsets.UTF_8))
        .isEqualTo(JSON.writeValueAsString(validated));
    Readings raw =
        new Readings(
            "M-2",
            "1-0:1.8.0.255",
            "m³",
            "raw",
            3600,
            "sum",
            FROM,
            FROM.plusSeconds(7200),
            2,
            new long[] {FROM.getEpochSecond(), FROM.getEpochSecond() + 3600},
            new double[] {12345.678, -0.5},
            null,
            null,
            new int[] {0, 0x80},
            null,
            null);
    assertThat(new String(ReadingsJson.encode(raw), StandardCharsets.UTF_8))
        .isEqualTo(JSON.writeValueAsString(raw));
  }

  @Property(tries = 300)
  void everyFiniteValueRoundTripsExactly(@ForAll double x) throws Exception {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return;
    }
    JsonNode n = JSON.readTree(ReadingsJson.encode(validated(new double[] {x})));
    assertThat(n.get("v").get(0).asDouble()).isEqualTo(x);
  }

  @Test
  void gzipFormInflatesToTheJsonAndHasItsOwnEtag() throws Exception {
    ReadingsBody b = ReadingsBody.of(validated(new double[] {1, 2, 3, 4}));
    byte[] inflated;
    try (var in = new GZIPInputStream(new ByteArrayInputStream(b.gzip()))) {
      inflated = in.readAllBytes();
    }
    assertThat(inflated).isEqualTo(b.json());
    assertThat(b.gzipEtag()).isNotEqualTo(b.etag()).startsWith("\"").endsWith("-gz\"");
  }
}
