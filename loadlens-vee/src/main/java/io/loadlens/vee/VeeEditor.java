package io.loadlens.vee;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.Quality;
import io.loadlens.model.ValidatedSeries;
import java.util.List;

/**
 * Applies manual edits over a validated series. The result is a new series; the edited intervals
 * get quality {@code EDITED} and method {@code MANUAL} and keep their reason bits (what was found
 * stays on record). Applying the same edits again gives the same series; when two edits name the
 * same interval, the later one in the list wins. Who edited and why stays in the {@link ManualEdit}
 * records, which the caller keeps as the audit trail.
 */
public final class VeeEditor {
  private VeeEditor() {}

  /**
   * The series with the edits for its channel applied.
   *
   * @throws IllegalArgumentException naming the edit when it is not on the series' grid
   */
  public static ValidatedSeries apply(ValidatedSeries series, List<ManualEdit> edits) {
    if (edits.isEmpty()) {
      return series;
    }
    long[] t = series.epochSeconds();
    double[] values = series.values().clone();
    Quality[] quality = series.quality().clone();
    EstimationMethod[] method = series.method().clone();
    for (ManualEdit e : edits) {
      if (!e.obis().equals(series.obis())) {
        continue;
      }
      long rel = e.intervalStart().getEpochSecond() - (t.length == 0 ? 0 : t[0]);
      long k = rel / series.intervalSeconds();
      if (t.length == 0
          || rel < 0
          || rel % series.intervalSeconds() != 0
          || k >= t.length
          || e.intervalStart().getNano() != 0) {
        throw new IllegalArgumentException(
            "ManualEdit.intervalStart "
                + e.intervalStart()
                + " (by "
                + e.user()
                + ") is not an interval start of "
                + series);
      }
      values[(int) k] = e.value();
      quality[(int) k] = Quality.EDITED;
      method[(int) k] = EstimationMethod.MANUAL;
    }
    return new ValidatedSeries(
        series.meter(),
        series.obis(),
        series.unit(),
        series.intervalSeconds(),
        t,
        values,
        quality,
        method,
        series.reasons(),
        series.veeVersion());
  }
}
