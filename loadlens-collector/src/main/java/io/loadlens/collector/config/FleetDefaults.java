package io.loadlens.collector.config;

import java.time.Duration;

/**
 * Values a meter gets when neither its entry nor the file's global keys set them. The app fills
 * these from {@code loadlens.yaml} ({@code collector.timeout_ms}, {@code collector.retries}).
 *
 * @param timeout TIMEOUT_VAL per request
 * @param retries retries per request
 * @param intervalMinutes capture period
 */
public record FleetDefaults(Duration timeout, int retries, int intervalMinutes) {
  public static final FleetDefaults STANDARD = new FleetDefaults(Duration.ofSeconds(5), 2, 15);

  public FleetDefaults {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidFieldException("timeout", "must be positive, got " + timeout);
    }
    InvalidFieldException.range("retries", retries, 0, MeterConfig.MAX_RETRIES);
    InvalidFieldException.range("intervalMinutes", intervalMinutes, 1, 1440);
  }
}
