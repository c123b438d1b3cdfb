package io.loadlens.wmbus;

import java.util.Optional;

/**
 * One EN 13757-3 data record: what it measures, the scaled value, and its storage number, tariff
 * and subunit from the DIF/DIFE chain.
 *
 * @param description what the VIF says, e.g. "volume", "energy", "flow temperature"
 * @param unit the unit of {@code value}, e.g. "m3", "Wh", "°C", "" for dimensionless
 * @param value the numeric value, scaled by the VIF's power of ten ({@code NaN} for non-numeric
 *     records)
 * @param text the value as text for dates, strings and manufacturer-specific data (hex); empty for
 *     plain numbers
 * @param function the DIF function field: instantaneous, maximum, minimum, during error
 * @param storage storage number (0 = current value)
 * @param tariff tariff number
 * @param subunit subunit (device) number
 * @param dif the DIF byte and DIFEs, VIF and VIFEs as hex, for the decode output
 */
public record DataRecord(
    String description,
    String unit,
    double value,
    String text,
    Function function,
    long storage,
    int tariff,
    int subunit,
    String dif,
    String vif) {

  /** DIF bits 4-5. */
  public enum Function {
    INSTANTANEOUS,
    MAXIMUM,
    MINIMUM,
    DURING_ERROR
  }

  public boolean isNumeric() {
    return !Double.isNaN(value);
  }

  public boolean isCurrent() {
    return storage == 0 && tariff == 0 && subunit == 0 && function == Function.INSTANTANEOUS;
  }

  public Optional<Double> number() {
    return isNumeric() ? Optional.of(value) : Optional.empty();
  }
}
