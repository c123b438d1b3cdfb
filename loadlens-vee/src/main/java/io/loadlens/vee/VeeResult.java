package io.loadlens.vee;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import java.util.List;
import java.util.Optional;

/**
 * What VEE produced for one meter.
 *
 * @param series one validated interval-energy series per direction given ({@code 1-0:1.29.0.255},
 *     {@code 1-0:2.29.0.255})
 * @param findings gaps, outages, hardware faults, validation and clock findings, in time order per
 *     channel
 * @param summary counts by check and method
 */
public record VeeResult(
    List<ValidatedSeries> series, List<MeterEvent> findings, VeeSummary summary) {

  public VeeResult {
    series = List.copyOf(series);
    findings = List.copyOf(findings);
  }

  /** The validated series of one channel, if it was given. */
  public Optional<ValidatedSeries> series(ObisCode obis) {
    return series.stream().filter(s -> s.obis().equals(obis)).findFirst();
  }
}
