package io.loadlens.insights.internal;

import io.loadlens.insights.Tariff;
import io.loadlens.insights.TariffComparison;
import io.loadlens.insights.TariffComparison.TariffCost;
import io.loadlens.insights.TariffComparison.TouShare;
import java.util.ArrayList;
import java.util.List;

/** Prices the profile under every configured tariff. */
public final class TariffAnalyzer {
  private TariffAnalyzer() {}

  public static TariffComparison compare(LoadProfile p, Demand demand, List<Tariff> tariffs) {
    double days = p.validCount * p.hours / 24.0;
    double energyKwh = 0;
    for (double v : p.kw) {
      if (!Double.isNaN(v)) {
        energyKwh += v * p.hours;
      }
    }
    List<TariffCost> costs = new ArrayList<>();
    List<TouShare> shares = new ArrayList<>();
    for (Tariff t : tariffs) {
      costs.add(
          switch (t) {
            case Tariff.Flat f ->
                cost(f.name(), "flat", energyKwh * f.eurPerKwh(), 0, energyKwh, days);
            case Tariff.TimeOfUse tou -> timeOfUse(p, tou, energyKwh, days, shares);
            case Tariff.Capacity c -> capacity(p, demand, c, energyKwh, days);
          });
    }
    TariffCost current = costs.get(0);
    TariffCost cheapest = current;
    for (TariffCost c : costs) {
      if (c.annualisedEur() < cheapest.annualisedEur()) {
        cheapest = c;
      }
    }
    return new TariffComparison(
        current.tariff(),
        costs,
        cheapest.tariff(),
        Stats.round(current.annualisedEur() - cheapest.annualisedEur(), 2),
        shares);
  }

  private static TariffCost cost(
      String name, String kind, double energyEur, double capacityEur, double kwh, double days) {
    double total = energyEur + capacityEur;
    return new TariffCost(
        name,
        kind,
        Stats.round(total, 2),
        Stats.round(days > 0 ? total * 365 / days : Double.NaN, 2),
        Stats.round(energyEur, 2),
        Stats.round(capacityEur, 2),
        Stats.round(kwh > 0 ? total / kwh : Double.NaN, 4));
  }

  private static TariffCost timeOfUse(
      LoadProfile p, Tariff.TimeOfUse t, double energyKwh, double days, List<TouShare> shares) {
    int windows = t.windows().size();
    double[] kwh = new double[windows + 1];
    // Window lookup per (slot, weekend) once, not per interval.
    int[][] lookup = new int[2][p.slotsPerDay];
    for (int s = 0; s < p.slotsPerDay; s++) {
      int minute = s * p.intervalSeconds / 60;
      lookup[0][s] = t.windowIndex(minute, false);
      lookup[1][s] = t.windowIndex(minute, true);
    }
    for (int i = 0; i < p.size(); i++) {
      double v = p.kw[i];
      if (!Double.isNaN(v)) {
        int w = lookup[p.weekend(p.day[i]) ? 1 : 0][p.slot[i]];
        kwh[w < 0 ? windows : w] += v * p.hours;
      }
    }
    double eur = kwh[windows] * t.defaultEurPerKwh();
    for (int w = 0; w < windows; w++) {
      eur += kwh[w] * t.windows().get(w).eurPerKwh();
      shares.add(
          new TouShare(
              t.name(),
              t.windows().get(w).label(),
              Stats.round(kwh[w], 3),
              Stats.round(energyKwh > 0 ? kwh[w] / energyKwh : Double.NaN, 4)));
    }
    shares.add(
        new TouShare(
            t.name(),
            t.defaultLabel(),
            Stats.round(kwh[windows], 3),
            Stats.round(energyKwh > 0 ? kwh[windows] / energyKwh : Double.NaN, 4)));
    return cost(t.name(), "time-of-use", eur, 0, energyKwh, days);
  }

  private static TariffCost capacity(
      LoadProfile p, Demand demand, Tariff.Capacity c, double energyKwh, double days) {
    Demand.MonthIndex months = demand.months(p);
    int[] best = demand.monthlyMaxIndex(p, months.ofWindow(), months.keys().size());
    double capacityEur = 0;
    for (int j : best) {
      double peak = j < 0 ? 0 : demand.kw()[j];
      capacityEur += Math.max(c.minimumKw(), peak) * c.eurPerKwMonth();
    }
    // Part months are billed pro rata to the days with data, so annualising stays fair.
    double monthsCovered = days / (365.0 / 12);
    if (best.length > 0 && monthsCovered < best.length) {
      capacityEur *= monthsCovered / best.length;
    }
    return cost(
        c.name(), "capacity", energyKwh * c.energyEurPerKwh(), capacityEur, energyKwh, days);
  }
}
