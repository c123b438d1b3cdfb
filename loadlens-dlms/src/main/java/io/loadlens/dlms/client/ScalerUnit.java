package io.loadlens.dlms.client;

import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.util.OptionalInt;

/**
 * A register's scaler_unit (Blue Book 4.3.2): the value attribute times 10^scaler is the quantity
 * in the unit.
 *
 * @param scaler the power of ten
 * @param unit the unit ({@link Unit#NONE} for a DLMS unit code loadlens does not know)
 */
public record ScalerUnit(int scaler, Unit unit) {

  /**
   * The attribute that holds scaler_unit for an interface class whose attribute 2 is a value:
   * Register and Extended Register (3, 4) attribute 3, Demand Register (5) attribute 4; empty for
   * other classes.
   */
  public static OptionalInt attributeOf(int classId) {
    return switch (classId) {
      case 3, 4 -> OptionalInt.of(3);
      case 5 -> OptionalInt.of(4);
      default -> OptionalInt.empty();
    };
  }

  /** Decodes {@code structure {integer scaler, enum unit}} read from {@code obis}. */
  public static ScalerUnit decode(CosemValue v, ObisCode obis) {
    if (!(v instanceof CosemValue.Structure s) || s.elements().size() != 2) {
      throw new DlmsFramingException(
          "scaler_unit of " + obis + ": " + v + " is not structure{scaler, unit}");
    }
    int scaler = (int) ProfileReader.integer(s.get(0), "scaler of " + obis);
    int unitCode = (int) ProfileReader.integer(s.get(1), "unit of " + obis);
    return new ScalerUnit(scaler, Unit.fromDlmsCode(unitCode).orElse(Unit.NONE));
  }
}
