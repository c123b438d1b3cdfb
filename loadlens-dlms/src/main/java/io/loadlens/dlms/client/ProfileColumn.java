package io.loadlens.dlms.client;

import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;

/**
 * A value column of a Profile Generic: the captured object and its scaler_unit (unit {@link
 * Unit#NONE} and scaler 0 for objects without one).
 */
public record ProfileColumn(ObisCode obis, int classId, int attribute, Unit unit, int scaler) {}
