package io.loadlens.insights;

import java.util.List;

/**
 * The consumer's cost under each configured tariff and the cheapest choice.
 *
 * @param currentTariff the first configured tariff
 * @param costs one entry per tariff, in configuration order
 * @param cheapestTariff the tariff with the lowest annualised cost
 * @param savingEurPerYear current minus cheapest annualised cost (0 when current is cheapest)
 * @param touShares energy share of each time-of-use window, per time-of-use tariff
 */
public record TariffComparison(
    String currentTariff,
    List<TariffCost> costs,
    String cheapestTariff,
    double savingEurPerYear,
    List<TouShare> touShares) {

  /**
   * @param kind flat, time-of-use or capacity
   * @param totalEur over the analysed data
   * @param annualisedEur {@code totalEur × 365 / days of data}
   * @param capacityEur the demand part of a capacity tariff (0 otherwise)
   * @param meanEurPerKwh total / energy
   */
  public record TariffCost(
      String tariff,
      String kind,
      double totalEur,
      double annualisedEur,
      double energyEur,
      double capacityEur,
      double meanEurPerKwh) {}

  public record TouShare(String tariff, String window, double kwh, double share) {}
}
