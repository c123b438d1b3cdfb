package io.loadlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalSeriesTest {
  private static final MeterId METER = MeterId.of("m1");

  @Test
  void rejectsUnsortedTimesNamingTheRows() {
    assertThatThrownBy(
            () ->
                IntervalSeries.of(
                    METER,
                    ObisCode.ACTIVE_ENERGY_IMPORT,
                    Unit.WATT_HOUR,
                    new long[] {900, 0},
                    new double[] {1, 2}))
        .hasMessageContaining(
            "row 1 (1970-01-01T00:00:00Z) is not after row 0 (1970-01-01T00:15:00Z)");
  }

  @Test
  void rejectsColumnsOfDifferentLength() {
    assertThatThrownBy(
            () ->
                IntervalSeries.of(
                    METER,
                    ObisCode.ACTIVE_ENERGY_IMPORT,
                    Unit.WATT_HOUR,
                    new long[] {0},
                    new double[] {1, 2}))
        .hasMessageContaining("column lengths differ (times 1, values 2, status 1)");
  }

  @Test
  void copiesItsInputSoCallersCannotChangeIt() {
    long[] times = {0, 900};
    IntervalSeries s =
        IntervalSeries.of(
            METER, ObisCode.ACTIVE_ENERGY_IMPORT, Unit.WATT_HOUR, times, new double[] {1, 2});
    times[1] = 5;
    assertThat(s.epochSeconds()).containsExactly(0, 900);
  }

  @Test
  void meterIdRejectsCharactersUnsafeInTopicsAndPaths() {
    assertThatThrownBy(() -> MeterId.of("a/b")).hasMessageContaining("meter id 'a/b' is invalid");
    assertThat(MeterId.of("LGZ-0001.a_b:c").value()).isEqualTo("LGZ-0001.a_b:c");
  }
}
