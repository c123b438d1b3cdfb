package io.loadlens.dlms.server;

import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;

/**
 * A Register (class 3) a meter exposes: value = raw × 10^scaler in {@code unit}.
 *
 * @param obis logical name
 * @param scaler the power of ten of the scaler_unit attribute (-128..127)
 * @param unit the unit of the scaler_unit attribute
 * @param dataType the A-XDR type tag of the value attribute (e.g. 6 = double-long-unsigned, 18 =
 *     long-unsigned)
 */
public record RegisterDefinition(ObisCode obis, int scaler, Unit unit, int dataType) {}
