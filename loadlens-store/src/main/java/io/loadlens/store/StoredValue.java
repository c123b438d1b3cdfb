package io.loadlens.store;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Quality;
import io.loadlens.model.Unit;
import java.util.Objects;

/**
 * One stored value as exported.
 *
 * @param method the estimation method of an estimated or edited value, {@code null} for raw values
 * @param source where a raw value came from, or {@code vee:<version>} for VEE output
 */
public record StoredValue(
    MeterId meter,
    ObisCode obis,
    long epochSecond,
    double value,
    Unit unit,
    Quality quality,
    EstimationMethod method,
    String source) {
  public StoredValue {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(obis, "obis");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(quality, "quality");
    source = source == null ? "" : source;
  }
}
