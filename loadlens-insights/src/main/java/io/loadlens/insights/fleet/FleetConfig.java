package io.loadlens.insights.fleet;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for {@link FleetAnalysis}.
 *
 * @param grid the common time grid of the consumers' {@code demandKw}
 * @param zone local time for the fleet's days (forecast, labels)
 * @param minSegments smallest number of segments tried (at least 2)
 * @param maxSegments largest number tried
 * @param seed k-means++ seed: same input and seed, same segments
 * @param silhouetteSample consumers the silhouette is computed on (a seeded sample; all if fewer)
 * @param feederRatedKw rated capacity per feeder or transformer, for congestion hours
 * @param topContributors how many consumers driving the coincident peak to list
 * @param forecastBacktestDays days to backtest the fleet's next-day forecast on
 */
public record FleetConfig(
    FleetGrid grid,
    ZoneId zone,
    int minSegments,
    int maxSegments,
    long seed,
    int silhouetteSample,
    Map<String, Double> feederRatedKw,
    int topContributors,
    int forecastBacktestDays) {

  public FleetConfig {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(zone, "zone");
    feederRatedKw = Map.copyOf(feederRatedKw);
    if (minSegments < 2 || maxSegments < minSegments) {
      throw new IllegalArgumentException(
          "segments: need 2 <= minSegments <= maxSegments, got "
              + minSegments
              + ".."
              + maxSegments);
    }
    if (silhouetteSample < 10 || topContributors < 1 || forecastBacktestDays < 0) {
      throw new IllegalArgumentException(
          "silhouetteSample >= 10, topContributors >= 1, forecastBacktestDays >= 0 required, got "
              + silhouetteSample
              + ", "
              + topContributors
              + ", "
              + forecastBacktestDays);
    }
  }

  /** 2..8 segments chosen by silhouette on up to 2,000 consumers, seed 42, top 10 contributors. */
  public static FleetConfig defaults(FleetGrid grid, ZoneId zone) {
    return new FleetConfig(grid, zone, 2, 8, 42, 2000, Map.of(), 10, 28);
  }

  public FleetConfig withFeederRatings(Map<String, Double> rated) {
    return new FleetConfig(
        grid,
        zone,
        minSegments,
        maxSegments,
        seed,
        silhouetteSample,
        rated,
        topContributors,
        forecastBacktestDays);
  }
}
