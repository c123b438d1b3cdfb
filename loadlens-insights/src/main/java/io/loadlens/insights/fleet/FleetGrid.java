package io.loadlens.insights.fleet;

import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import java.time.Instant;

/**
 * The fleet's common time grid: {@code steps} steps of {@code stepSeconds} from {@code startEpoch}
 * (UTC). Consumers' demand is averaged onto it.
 */
public record FleetGrid(long startEpoch, int stepSeconds, int steps) {
  public FleetGrid {
    if (stepSeconds <= 0 || steps <= 0) {
      throw new IllegalArgumentException(
          "fleet grid: stepSeconds and steps must be > 0, got " + stepSeconds + ", " + steps);
    }
  }

  public long epoch(int step) {
    return startEpoch + (long) step * stepSeconds;
  }

  public Instant time(int step) {
    return Instant.ofEpochSecond(epoch(step));
  }

  /** Mean demand (kW) per step from interval energy in Wh; NaN for steps without any value. */
  public float[] resample(ValidatedSeries s) {
    double[] sumKwh = new double[steps];
    double[] covered = new double[steps];
    long[] t = s.epochSeconds();
    double[] v = s.values();
    Quality[] q = s.quality();
    for (int i = 0; i < t.length; i++) {
      long off = t[i] - startEpoch;
      if (off < 0 || Double.isNaN(v[i]) || !ConsumerProfileSummary.usable(q[i])) {
        continue;
      }
      long k = off / stepSeconds;
      if (k >= steps) {
        break;
      }
      sumKwh[(int) k] += v[i] / 1000;
      covered[(int) k] += s.intervalSeconds();
    }
    float[] kw = new float[steps];
    for (int k = 0; k < steps; k++) {
      kw[k] = covered[k] == 0 ? Float.NaN : (float) (sumKwh[k] / (covered[k] / 3600.0));
    }
    return kw;
  }
}
