package io.loadlens.insights.fleet;

import io.loadlens.insights.Forecast;
import java.util.List;

/**
 * What {@link FleetAnalysis} found for a set of consumers. Plain immutable data for JSON.
 *
 * @param consumers how many consumers were analysed
 * @param segmentation consumers grouped by typical-day shape
 * @param aggregate the fleet's summed load and coincident peak
 * @param feeders per feeder or transformer (empty without topology)
 * @param forecast next-day forecast of the aggregate, backtested
 * @param headline short sentences for a summary
 */
public record FleetInsights(
    int consumers,
    Segmentation segmentation,
    AggregateLoad aggregate,
    List<FeederLoad> feeders,
    Forecast forecast,
    List<String> headline) {

  /**
   * @param criterion how the number of segments was chosen
   * @param silhouette mean silhouette of the chosen segmentation (−1..1)
   * @param silhouetteByK the silhouette of each k tried, from {@code minSegments}
   */
  public record Segmentation(
      String criterion, int k, double silhouette, double[] silhouetteByK, List<Segment> segments) {}

  /**
   * @param label a description in words ("evening peakers, out 08:00–18:00 on weekdays")
   * @param centroidShape the segment's mean normalised hourly shape (mean 1)
   * @param peakHour local hour of the centroid's maximum
   * @param routineShape the mean of the members' routine days, the features the segmentation
   *     clusters on: weekday hours 0..23, then weekend hours, demand above the always-on level
   *     relative to its mean
   */
  public record Segment(
      int id,
      String label,
      int size,
      double[] centroidShape,
      int peakHour,
      double meanAnnualKwh,
      double[] routineShape,
      List<String> members) {}

  /**
   * @param start first grid step (UTC, ISO-8601)
   * @param kw summed demand per grid step (missing consumers count as 0)
   * @param coincidentPeakKw the highest summed demand
   * @param coincidentPeakAt when
   * @param sumOfIndividualPeaksKw each consumer's own highest grid-step demand, summed
   * @param diversityFactor sum of individual peaks / coincident peak (≥ 1)
   * @param contributors consumers with the highest demand at the coincident peak
   */
  public record AggregateLoad(
      String start,
      int stepMinutes,
      double[] kw,
      double coincidentPeakKw,
      String coincidentPeakAt,
      double sumOfIndividualPeaksKw,
      double diversityFactor,
      List<Contributor> contributors) {}

  /** A consumer's demand at the coincident peak and its share of it. */
  public record Contributor(
      String meterId, double kwAtPeak, double shareOfPeak, double ownPeakKw) {}

  /**
   * @param ratedKw rated capacity, NaN when not given
   * @param congestionHours hours with demand above the rating
   * @param utilisation peak / rating
   */
  public record FeederLoad(
      String feederId,
      int consumers,
      double peakKw,
      String peakAt,
      double ratedKw,
      double congestionHours,
      double utilisation) {}
}
