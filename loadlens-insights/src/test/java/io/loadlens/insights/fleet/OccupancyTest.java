package io.loadlens.insights.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OccupancyTest {
  private static final int HOURS = 24;

  /** Hourly demand: 0.1 kW always on, plus 1 kW from 18:00 to 22:00 on the days that are used. */
  private static float[] home(int days, java.util.function.IntPredicate used) {
    float[] kw = new float[days * HOURS];
    for (int d = 0; d < days; d++) {
      for (int h = 0; h < HOURS; h++) {
        kw[d * HOURS + h] = 0.1f + (used.test(d) && h >= 18 && h < 22 ? 1f : 0f);
      }
    }
    return kw;
  }

  @Test
  void aHomeUsedEveryDayHasItsTypicalDayAtItsAverageDay() {
    assertThat(Occupancy.typicalDayShare(home(28, d -> true), HOURS)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aHomeUsedOnWeekendsOnlyHasATypicalDayAtTheAlwaysOnLevel() {
    assertThat(Occupancy.typicalDayShare(home(28, d -> d % 7 >= 5), HOURS)).isZero();
  }

  @Test
  void daysWithTooFewValuesAreLeftOutAndTooFewDaysGiveNoAnswer() {
    float[] kw = home(28, d -> true);
    for (int h = 0; h < HOURS; h++) {
      if (h != 19) {
        kw[3 * HOURS + h] = Float.NaN; // day 3 holds its busiest hour only
      }
    }
    assertThat(Occupancy.typicalDayShare(kw, HOURS)).isCloseTo(1.0, within(1e-9));
    assertThat(Occupancy.typicalDayShare(home(6, d -> true), HOURS)).isNaN();
    assertThat(Occupancy.typicalDayShare(new float[HOURS * 10], HOURS)).isNaN();
  }
}
