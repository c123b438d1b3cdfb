package io.loadlens.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.store.influx.InfluxConfig.Api;
import io.loadlens.store.influx.InfluxConfig.Precision;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfluxConfigTest {
  private static final URI URL = URI.create("http://influx.example:8086");

  @Test
  void v1AndV2StartFromTheDocumentedDefaults() {
    assertThat(InfluxConfig.v1(URL, "db"))
        .isEqualTo(
            new InfluxConfig(
                URL,
                Api.V1,
                "db",
                null,
                null,
                null,
                Precision.SECONDS,
                "raw_data",
                5_000,
                Duration.ofSeconds(1),
                1_000_000,
                5,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10)));
    InfluxConfig v2 = InfluxConfig.v2(URL, "org", "bucket", "token");
    assertThat(v2)
        .usingRecursiveComparison()
        .ignoringFields("api", "database", "org", "bucket", "token")
        .isEqualTo(InfluxConfig.v1(URL, "db"));
    assertThat(v2.api()).isEqualTo(Api.V2);
    assertThat(v2.database()).isNull();
    assertThat(List.of(v2.org(), v2.bucket(), v2.token()))
        .containsExactly("org", "bucket", "token");
  }

  @Test
  void withersChangeOnlyTheirOwnComponents() {
    InfluxConfig changed =
        InfluxConfig.v2(URL, "org", "bucket", "token")
            .withToken("other")
            .withPrecision(Precision.NANOSECONDS)
            .withMeasurement("energy")
            .withBatching(50, Duration.ofMillis(20))
            .withQueueRows(10)
            .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4))
            .withTimeout(Duration.ofSeconds(2));

    assertThat(changed)
        .isEqualTo(
            new InfluxConfig(
                URL,
                Api.V2,
                null,
                "org",
                "bucket",
                "other",
                Precision.NANOSECONDS,
                "energy",
                50,
                Duration.ofMillis(20),
                10,
                3,
                Duration.ofMillis(1),
                Duration.ofMillis(4),
                Duration.ofSeconds(2)));
  }

  @Test
  void rejectsAWitherValueTheConstructorRejects() {
    InfluxConfig c = InfluxConfig.v1(URL, "db");
    assertThatThrownBy(() -> c.withQueueRows(0))
        .hasMessage("influx queueRows must be positive, got 0");
    assertThatThrownBy(() -> c.withMeasurement(" "))
        .hasMessage("influx measurement must not be blank:  ");
  }
}
