package io.loadlens.server.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Map;

/**
 * A channel's values over a range, as columns (compact for a year of 15-minute data).
 *
 * @param source {@code raw} (as read, with status bytes) or {@code validated} (VEE output, with
 *     quality and estimation method)
 * @param resolutionSeconds the bucket length; the native interval when not aggregated
 * @param aggregation how buckets were combined: {@code none}, {@code sum}, {@code mean}, {@code
 *     min}, {@code max}
 * @param t bucket or interval start times, epoch seconds UTC
 * @param v values in {@code unit}; NaN where missing (null in JSON)
 * @param quality per row, validated only: the worst quality in the bucket
 * @param method per row, validated only: the estimation method, null when none
 * @param status per row, raw only: the meter's status bits OR-ed over the bucket
 * @param qualityCounts validated only: intervals per quality over the range
 */
@JsonSerialize(using = ReadingsJson.class)
public record Readings(
    String meter,
    String obis,
    String unit,
    String source,
    long resolutionSeconds,
    String aggregation,
    Instant from,
    Instant to,
    int count,
    long[] t,
    double[] v,
    String[] quality,
    String[] method,
    int[] status,
    Map<String, Integer> qualityCounts,
    String veeVersion) {}
