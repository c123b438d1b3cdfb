package io.loadlens.vee.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The similar-day profile: a trimmed mean of the similar days, smoothed over neighbours. */
class ProfileSourceTest {
  private static final int STEP = 900;
  private static final int DAY = 96;
  private static final long MONDAY = Instant.parse("2024-01-08T00:00:00Z").getEpochSecond();

  /** A profile over {@code days} days of usable values from {@code MONDAY} (no history). */
  private static ProfileSource profile(double[] ext) {
    return new ProfileSource(ext, 0, ZoneOffset.UTC.getRules(), MONDAY, STEP, 24, 56, null);
  }

  @Test
  void trimmedMeanLeavesOutTheHighestAndLowestFifth() {
    double[] v = {9, 1, 5, 3, 7, 100, 2, 4, 6, 8};
    // 10 values: the lowest two (1, 2) and highest two (9, 100) are left out
    assertThat(ProfileSource.trimmedMean(v, 10))
        .isCloseTo((3 + 4 + 5 + 6 + 7 + 8) / 6.0, within(1e-12));
    assertThat(ProfileSource.trimmedMean(new double[] {4, 1, 7}, 3)).isCloseTo(4, within(1e-12));
    assertThat(ProfileSource.trimmedMean(new double[0], 0)).isNaN();
  }

  @Test
  void trimmedMeanAgreesWithSortingForAnyOrderAndTies() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
    for (int round = 0; round < 2000; round++) {
      int count = rnd.nextInt(1, 30);
      double[] v = new double[count];
      for (int i = 0; i < count; i++) {
        v[i] = rnd.nextInt(6); // many ties
      }
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      int cut = (int) Math.floor(ProfileSource.TRIM * count);
      double sum = 0;
      for (int i = cut; i < count - cut; i++) {
        sum += sorted[i];
      }
      assertThat(ProfileSource.trimmedMean(v, count))
          .as("values %s", Arrays.toString(v))
          .isCloseTo(sum / (count - 2 * cut), within(1e-9));
    }
  }

  @Test
  void aFifthOfOddSimilarDaysDoesNotMoveTheProfile() {
    double[] ext = new double[42 * DAY];
    Arrays.fill(ext, 100);
    // four of the 24 nearest workdays of day 21 (a Monday) ran an appliance all day
    for (int d : new int[] {18, 22, 24, 28}) {
      Arrays.fill(ext, d * DAY, (d + 1) * DAY, 300);
    }
    ProfileSource p = profile(ext);
    assertThat(p.at(21 * DAY + 40)).isCloseTo(100, within(1e-9));
    // a mean of the 24 days would be 100 + 4 * 200 / 24 = 133.3
  }

  @Test
  void profileIsSmoothedOverTheNeighbouringIntervals() {
    double[] ext = new double[42 * DAY];
    Arrays.fill(ext, 100);
    for (int d = 0; d < 42; d++) {
      ext[d * DAY + 40] = 200; // every day at 10:00
    }
    ProfileSource p = profile(ext);
    int e = 21 * DAY + 40;
    assertThat(p.at(e)).isCloseTo((2 * 200 + 100 + 100) / 4.0, within(1e-9));
    assertThat(p.at(e - 1)).isCloseTo((2 * 100 + 200 + 100) / 4.0, within(1e-9));
    assertThat(p.at(e + 2)).isCloseTo(100, within(1e-9));
  }
}
