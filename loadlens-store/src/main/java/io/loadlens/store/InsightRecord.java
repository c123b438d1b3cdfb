package io.loadlens.store;

import java.time.Instant;

/** A stored insight document: JSON under a subject (meter id or {@code "fleet"}) and a kind. */
public record InsightRecord(String subject, String kind, String json, Instant computedAt) {}
