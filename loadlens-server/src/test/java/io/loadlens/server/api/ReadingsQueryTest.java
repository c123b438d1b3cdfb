package io.loadlens.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import io.loadlens.server.testing.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReadingsQueryTest {

  static final MeterId M = MeterId.of("M1");
  static final ObisCode OBIS = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;

  /** 1 Wh in every 15-minute interval over [from, to). */
  static InMemoryStore ones(Instant from, Instant to) {
    int n = (int) (Duration.between(from, to).toSeconds() / 900);
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = from.getEpochSecond() + 900L * i;
      v[i] = 1;
    }
    InMemoryStore s = new InMemoryStore();
    s.putRaw(IntervalSeries.of(M, OBIS, Unit.WATT_HOUR, t, v));
    return s;
  }

  @Test
  void dailySumsFollowLocalDaysAcrossTheSpringDstChange() {
    // Europe/Brussels: 2024-03-31 has 23 hours (02:00 CET -> 03:00 CEST), so 92 intervals.
    Instant from = Instant.parse("2024-03-29T23:00:00Z");
    Instant to = Instant.parse("2024-04-01T22:00:00Z");
    Readings r =
        new ReadingsQuery(ones(from, to))
            .read(
                M,
                OBIS,
                new Params.Range(from, to),
                ReadingsQuery.Source.RAW,
                Duration.ofDays(1),
                ReadingsQuery.Aggregation.SUM,
                ZoneId.of("Europe/Brussels"));
    assertThat(r.count()).isEqualTo(3);
    assertThat(r.v()).containsExactly(96.0, 92.0, 96.0);
    assertThat(Instant.ofEpochSecond(r.t()[1])).isEqualTo(Instant.parse("2024-03-30T23:00:00Z"));
  }

  @Test
  void hourlyMeanMinAndMaxOfRawIntervals() {
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    Instant to = from.plusSeconds(7200);
    InMemoryStore s = ones(from, to);
    var range = new Params.Range(from, to);
    for (var agg : ReadingsQuery.Aggregation.values()) {
      Readings r =
          new ReadingsQuery(s)
              .read(
                  M,
                  OBIS,
                  range,
                  ReadingsQuery.Source.RAW,
                  Duration.ofHours(1),
                  agg,
                  ZoneId.of("UTC"));
      assertThat(r.v())
          .as(agg.name())
          .containsExactly(
              agg == ReadingsQuery.Aggregation.SUM ? 4.0 : 1.0,
              agg == ReadingsQuery.Aggregation.SUM ? 4.0 : 1.0);
    }
  }

  @Test
  void validatedReadingsAreNotFoundWhenVeeHasNotRun() {
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    var q = new ReadingsQuery(ones(from, from.plusSeconds(3600)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                q.read(
                    M,
                    OBIS,
                    new Params.Range(from, from.plusSeconds(3600)),
                    ReadingsQuery.Source.VALIDATED,
                    null,
                    ReadingsQuery.Aggregation.SUM,
                    ZoneId.of("UTC")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("VEE has not run");
  }

  @Test
  void defaultAggregationSumsIntervalEnergyAndAveragesPower() {
    assertThat(ReadingsQuery.defaultAggregation(ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL))
        .isEqualTo(ReadingsQuery.Aggregation.SUM);
    assertThat(ReadingsQuery.defaultAggregation(ObisCode.VOLTAGE_L1))
        .isEqualTo(ReadingsQuery.Aggregation.MEAN);
  }
}
