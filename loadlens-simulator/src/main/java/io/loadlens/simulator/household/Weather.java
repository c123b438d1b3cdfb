package io.loadlens.simulator.household;

import java.time.LocalDate;

/**
 * Deterministic weather shared by all households of a fleet: a daily mean outdoor temperature
 * following the seasons plus a smooth anomaly of a few days' correlation, a diurnal swing peaking
 * mid-afternoon, and a daily cloud cover. Computed from (seed, date) alone, no state.
 */
public final class Weather {
  private static final double ANOMALY_SIGMA_C = 3.0;
  private static final double ANOMALY_CORRELATION_DAYS = 4.0;
  private static final double CLOUD_CORRELATION_DAYS = 2.0;

  /** cos(2π (hour − 15) / 24) per local minute: the diurnal swing, warmest at 15:00. */
  private static final double[] DIURNAL = new double[1_440];

  static {
    for (int m = 0; m < 1_440; m++) {
      DIURNAL[m] = Math.cos(2 * Math.PI * (m / 60.0 - 15) / 24);
    }
  }

  private final long seed;
  private final Climate climate;

  public Weather(long seed, Climate climate) {
    this.seed = Seeds.derive(seed, 0x57EA7E5L);
    this.climate = climate;
  }

  public Climate climate() {
    return climate;
  }

  /** The mean outdoor temperature of a day, °C. */
  public double dailyMeanC(LocalDate date) {
    double phase = 2 * Math.PI * (date.getDayOfYear() - climate.coldestDayOfYear()) / 365.25;
    double seasonal = climate.annualMeanC() - climate.seasonalAmplitudeC() * Math.cos(phase);
    double anomaly =
        ANOMALY_SIGMA_C
            * 1.7
            * (valueNoise(1, date.toEpochDay() / ANOMALY_CORRELATION_DAYS) - 0.5)
            * 2;
    return seasonal + anomaly;
  }

  /** Cloud cover of a day, 0 (clear) to 1 (overcast); cloudier in the cold season. */
  public double cloudiness(LocalDate date) {
    double phase = 2 * Math.PI * (date.getDayOfYear() - climate.coldestDayOfYear()) / 365.25;
    double mean = climate.meanCloudiness() + 0.12 * Math.cos(phase);
    double noise = valueNoise(2, date.toEpochDay() / CLOUD_CORRELATION_DAYS);
    double c = mean + (noise - 0.5) * 1.4 + (Seeds.uniform(seed, 3, date.toEpochDay()) - 0.5) * 0.3;
    return Math.max(0, Math.min(1, c));
  }

  /** Outdoor temperature at a local clock minute of the day, °C. */
  public double temperatureC(LocalDate date, int localMinute, double dailyMean, double cloud) {
    double swing = climate.diurnalAmplitudeC() * (1 - 0.5 * cloud);
    return dailyMean + swing * DIURNAL[localMinute];
  }

  /** Smoothly interpolated uniform noise in [0, 1) on a lattice of integer x. */
  private double valueNoise(long channel, double x) {
    long i = (long) Math.floor(x);
    double f = x - i;
    double a = Seeds.uniform(seed, channel, i);
    double b = Seeds.uniform(seed, channel, i + 1);
    double s = f * f * (3 - 2 * f);
    return a + (b - a) * s;
  }
}
