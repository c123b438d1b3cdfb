package io.loadlens.iec21.p1;

import io.loadlens.model.ObisCode;
import java.util.Map;

/** Plain-language names of the objects DSMR and e-MUCS telegrams carry (DSMR 5.0.2 table 6.x). */
final class P1Descriptions {
  private static final Map<String, String> BY_CDE =
      Map.ofEntries(
          Map.entry("1.8.0", "active energy import, total"),
          Map.entry("2.8.0", "active energy export, total"),
          Map.entry("1.8.1", "active energy import, tariff 1"),
          Map.entry("1.8.2", "active energy import, tariff 2"),
          Map.entry("2.8.1", "active energy export, tariff 1"),
          Map.entry("2.8.2", "active energy export, tariff 2"),
          Map.entry("3.8.0", "reactive energy import"),
          Map.entry("4.8.0", "reactive energy export"),
          Map.entry("96.14.0", "tariff indicator"),
          Map.entry("1.7.0", "active power import"),
          Map.entry("2.7.0", "active power export"),
          Map.entry("3.7.0", "reactive power import"),
          Map.entry("4.7.0", "reactive power export"),
          Map.entry("1.4.0", "current average demand (15 min)"),
          Map.entry("1.6.0", "maximum demand this month"),
          Map.entry("17.0.0", "power limiter threshold"),
          Map.entry("96.3.10", "breaker state"),
          Map.entry("31.4.0", "fuse supervision threshold L1"),
          Map.entry("96.7.21", "number of power failures"),
          Map.entry("96.7.9", "number of long power failures"),
          Map.entry("32.32.0", "voltage sags L1"),
          Map.entry("52.32.0", "voltage sags L2"),
          Map.entry("72.32.0", "voltage sags L3"),
          Map.entry("32.36.0", "voltage swells L1"),
          Map.entry("52.36.0", "voltage swells L2"),
          Map.entry("72.36.0", "voltage swells L3"),
          Map.entry("32.7.0", "voltage L1"),
          Map.entry("52.7.0", "voltage L2"),
          Map.entry("72.7.0", "voltage L3"),
          Map.entry("31.7.0", "current L1"),
          Map.entry("51.7.0", "current L2"),
          Map.entry("71.7.0", "current L3"),
          Map.entry("21.7.0", "active power import L1"),
          Map.entry("41.7.0", "active power import L2"),
          Map.entry("61.7.0", "active power import L3"),
          Map.entry("22.7.0", "active power export L1"),
          Map.entry("42.7.0", "active power export L2"),
          Map.entry("62.7.0", "active power export L3"),
          Map.entry("24.2.1", "M-Bus device reading"),
          Map.entry("24.2.3", "M-Bus device reading (temperature-corrected)"),
          Map.entry("24.4.0", "M-Bus valve position"));

  private P1Descriptions() {}

  static String describe(ObisCode obis) {
    String name = BY_CDE.get(obis.c() + "." + obis.d() + "." + obis.e());
    if (name == null) {
      return obis.toString();
    }
    return obis.b() > 0 && obis.c() == 24 ? name + " (channel " + obis.b() + ")" : name;
  }
}
