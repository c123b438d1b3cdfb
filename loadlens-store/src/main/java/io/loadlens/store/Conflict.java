package io.loadlens.store;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.time.Instant;

/** A row re-sent with a value that differs from the stored one. Both values are kept. */
public record Conflict(
    MeterId meter,
    ObisCode obis,
    Instant timestamp,
    double storedValue,
    double offeredValue,
    String source,
    Instant seenAt) {}
