package io.loadlens.iec21.p1;

import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.time.OffsetDateTime;

/**
 * One numeric value of a P1 telegram, converted to loadlens base units (kWh → Wh, kW → W, kvarh →
 * varh), with the time it applies to: the telegram's own timestamp, or the capture time an M-Bus
 * sub-device or a demand register carries with its value.
 *
 * @param obis the OBIS code (for e-MUCS history entries the register the history is of)
 * @param value the value in {@code unit}
 * @param unit the base unit
 * @param time when the value was captured
 * @param description what the value is, e.g. "active energy import, tariff 1"
 */
public record P1Value(
    ObisCode obis, double value, Unit unit, OffsetDateTime time, String description) {}
