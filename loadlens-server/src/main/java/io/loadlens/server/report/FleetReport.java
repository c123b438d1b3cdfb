package io.loadlens.server.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the PDF fleet report shows, read from the report operations' answers. Demand in kW, energy
 * in kWh, base load in W; {@code NaN} where a figure is not known.
 *
 * @param zone the fleet's time zone (the zone most of its meters are in); every time is shown in it
 * @param load the fleet load curve
 * @param daily the mean fleet demand per local hour, weekdays and weekend days
 * @param topConsumers the consumers with the highest peak demand, highest first
 * @param failuresByCode collector failures and events in the period, by operator code
 * @param headline short sentences of the fleet insights
 * @param notes what could not be read and was left out
 */
record FleetReport(
    ZoneId zone,
    Instant generated,
    Summary summary,
    Curve load,
    DailyShapes daily,
    List<SegmentRow> segments,
    List<ConsumerRow> topConsumers,
    Map<String, Long> failuresByCode,
    List<String> headline,
    List<String> notes) {

  FleetReport {
    Objects.requireNonNull(zone, "zone");
    segments = List.copyOf(segments);
    topConsumers = List.copyOf(topConsumers);
    failuresByCode = Map.copyOf(failuresByCode);
    headline = List.copyOf(headline);
    notes = List.copyOf(notes);
  }

  /** Whether there is anything to show beyond the "no data" page. */
  boolean hasData() {
    return summary.meters() > 0 || load.size() > 0;
  }

  /**
   * The summary figures of the title page.
   *
   * @param metersRead meters with a capture in the period
   * @param rawRows rows in {@code raw_data}
   * @param from start of the period (inclusive)
   * @param to end of the period (exclusive)
   * @param completenessMean mean share of expected intervals present (0..1)
   * @param consumersAnalysed consumers with an insight document
   * @param appliances detected appliances, by name, counted over the consumers
   * @param anomalies anomalies flagged over the consumers
   */
  record Summary(
      int meters,
      long metersRead,
      long rawRows,
      Instant from,
      Instant to,
      double completenessMean,
      Optional<Peak> peak,
      int consumersAnalysed,
      Map<String, Integer> appliances,
      int anomalies) {
    Summary {
      appliances = Map.copyOf(appliances);
    }
  }

  /**
   * The fleet's coincident peak.
   *
   * @param at when it started, if known
   * @param diversityFactor sum of the individual peaks / the coincident peak, {@code NaN} if not
   *     known
   */
  record Peak(double kw, Optional<Instant> at, double diversityFactor) {}

  /** A demand curve: {@code kw[i]} from {@code epochSeconds[i]} for {@code stepSeconds}. */
  record Curve(long[] epochSeconds, double[] kw, int stepSeconds) {
    Curve {
      if (epochSeconds.length != kw.length) {
        throw new IllegalArgumentException(
            "curve: " + epochSeconds.length + " times but " + kw.length + " values");
      }
      epochSeconds = epochSeconds.clone();
      kw = kw.clone();
    }

    int size() {
      return kw.length;
    }

    static Curve empty() {
      return new Curve(new long[0], new double[0], 3600);
    }
  }

  /**
   * Mean demand per local hour 0..23 ({@code NaN} for hours without data).
   *
   * @param weekdays how many local weekdays contributed
   * @param weekendDays how many local Saturdays and Sundays contributed
   */
  record DailyShapes(double[] weekdayKw, double[] weekendKw, int weekdays, int weekendDays) {
    DailyShapes {
      weekdayKw = weekdayKw.clone();
      weekendKw = weekendKw.clone();
    }
  }

  /**
   * One consumer segment.
   *
   * @param peakHour local hour of the centroid's maximum, -1 if not known
   * @param shape the segment's normalised hourly centroid (mean 1); empty if not known
   */
  record SegmentRow(String label, int size, int peakHour, double meanAnnualKwh, double[] shape) {
    SegmentRow {
      Objects.requireNonNull(label, "label");
      shape = shape.clone();
    }
  }

  /**
   * One consumer of the top-N table.
   *
   * @param peakAt when its peak demand started, if known
   * @param loadFactor average / peak demand (0..1)
   */
  record ConsumerRow(
      String meter,
      double peakKw,
      Optional<Instant> peakAt,
      double baseLoadW,
      double loadFactor,
      double annualKwh) {
    ConsumerRow {
      Objects.requireNonNull(meter, "meter");
    }
  }
}
