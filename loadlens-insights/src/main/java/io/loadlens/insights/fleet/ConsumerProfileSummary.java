package io.loadlens.insights.fleet;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import java.util.List;
import java.util.Objects;

/**
 * What fleet analysis needs of one consumer: its typical-day shape, appliances, feeder and its
 * demand on the fleet's common time grid. At an hourly grid a meter-year is 8,760 floats (35 kB),
 * so 10,000 consumers fit in about 350 MB.
 *
 * @param meterId the meter
 * @param feederId the feeder or transformer it hangs on, or {@code null} when topology is unknown
 * @param dayShape mean demand per local hour 0..23 over the whole series, divided by its mean (so
 *     it averages 1); all ones for a consumer with no consumption
 * @param annualKwh annualised consumption
 * @param appliances the appliance kinds detected
 * @param demandKw mean demand per grid step ({@code NaN} where no data), grid given by {@link
 *     FleetGrid}
 */
public record ConsumerProfileSummary(
    String meterId,
    String feederId,
    double[] dayShape,
    double annualKwh,
    List<ApplianceKind> appliances,
    float[] demandKw) {

  public ConsumerProfileSummary {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(dayShape, "dayShape");
    Objects.requireNonNull(demandKw, "demandKw");
    appliances = List.copyOf(appliances);
    if (dayShape.length != 24) {
      throw new IllegalArgumentException(
          meterId + ": dayShape needs 24 hourly values, got " + dayShape.length);
    }
  }

  /** From a consumer's validated import series and its insights, placed on {@code grid}. */
  public static ConsumerProfileSummary of(
      ValidatedSeries importWh, ConsumerInsights insights, String feederId, FleetGrid grid) {
    return new ConsumerProfileSummary(
        insights.meterId(),
        feederId,
        hourlyShape(insights),
        insights.consumption().annualisedKwh(),
        insights.appliances().stream()
            .filter(ApplianceDetection::detected)
            .map(ApplianceDetection::kind)
            .toList(),
        grid.resample(importWh));
  }

  /** Hourly shape from the weekday and weekend typical days (5:2 weighted), normalised. */
  static double[] hourlyShape(ConsumerInsights c) {
    double[] shape = new double[24];
    int[] n = new int[24];
    for (var td : c.consumption().typicalDays()) {
      double w =
          switch (td.label()) {
            case "weekday" -> 5;
            case "weekend" -> 2;
            default -> 0;
          };
      if (w == 0) {
        continue;
      }
      double[] kw = td.kwBySlot();
      int perHour = Math.max(1, kw.length / 24);
      for (int s = 0; s < kw.length; s++) {
        if (!Double.isNaN(kw[s])) {
          shape[Math.min(23, s / perHour)] += w * kw[s];
          n[Math.min(23, s / perHour)] += (int) w;
        }
      }
    }
    double mean = 0;
    for (int h = 0; h < 24; h++) {
      shape[h] = n[h] == 0 ? 0 : shape[h] / n[h];
      mean += shape[h] / 24;
    }
    for (int h = 0; h < 24; h++) {
      shape[h] = mean > 0 ? shape[h] / mean : 1;
    }
    return shape;
  }

  /** Whether a value of this quality enters the fleet curves (suspect and missing do not). */
  static boolean usable(Quality q) {
    return q != Quality.MISSING && q != Quality.SUSPECT;
  }
}
