package io.loadlens.insights;

import java.util.List;
import java.util.Objects;

/**
 * A retail electricity tariff to price a load profile with. Prices are in euro (or any one currency
 * used consistently) and exclude fixed standing charges, which do not depend on the profile.
 */
public sealed interface Tariff {

  /** A short name shown in results, e.g. "flat 0.30". */
  String name();

  /** One price for every kWh. */
  record Flat(String name, double eurPerKwh) implements Tariff {
    public Flat {
      Objects.requireNonNull(name, "name");
      requirePrice("eurPerKwh", eurPerKwh);
    }
  }

  /**
   * Time-of-use: energy priced by the window its interval starts in (local time). The first window
   * that matches wins; intervals in no window pay {@code defaultEurPerKwh} under {@code
   * defaultLabel}.
   */
  record TimeOfUse(String name, List<Window> windows, String defaultLabel, double defaultEurPerKwh)
      implements Tariff {
    public TimeOfUse {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(defaultLabel, "defaultLabel");
      windows = List.copyOf(windows);
      requirePrice("defaultEurPerKwh", defaultEurPerKwh);
    }

    /** Which label and price applies at a local minute of day on a weekday or weekend day. */
    public int windowIndex(int minuteOfDay, boolean weekend) {
      for (int w = 0; w < windows.size(); w++) {
        if (windows.get(w).covers(minuteOfDay, weekend)) {
          return w;
        }
      }
      return -1;
    }
  }

  /**
   * A price window of a time-of-use tariff: local minutes of day {@code [startMinute, endMinute)},
   * wrapping midnight when {@code endMinute <= startMinute}.
   */
  record Window(
      String label, int startMinute, int endMinute, boolean weekdaysOnly, double eurPerKwh) {
    public Window {
      Objects.requireNonNull(label, "label");
      if (startMinute < 0 || startMinute >= 1440 || endMinute < 0 || endMinute > 1440) {
        throw new IllegalArgumentException(
            "window "
                + label
                + ": minutes must be in 0..1440, got "
                + startMinute
                + ".."
                + endMinute);
      }
      requirePrice("eurPerKwh", eurPerKwh);
    }

    boolean covers(int minuteOfDay, boolean weekend) {
      if (weekdaysOnly && weekend) {
        return false;
      }
      return endMinute > startMinute
          ? minuteOfDay >= startMinute && minuteOfDay < endMinute
          : minuteOfDay >= startMinute || minuteOfDay < endMinute;
    }
  }

  /**
   * Capacity tariff: every calendar month bills its highest 15-minute average demand (at least
   * {@code minimumKw}) at {@code eurPerKwMonth}, plus energy at {@code energyEurPerKwh}. This is
   * the structure of the Flemish capacity tariff (VREG, 2023: monthly peak, minimum 2.5 kW), billed
   * here month by month without the rolling 12-month average.
   */
  record Capacity(String name, double eurPerKwMonth, double minimumKw, double energyEurPerKwh)
      implements Tariff {
    public Capacity {
      Objects.requireNonNull(name, "name");
      requirePrice("eurPerKwMonth", eurPerKwMonth);
      requirePrice("energyEurPerKwh", energyEurPerKwh);
      if (!(minimumKw >= 0)) {
        throw new IllegalArgumentException("minimumKw must be >= 0, got " + minimumKw);
      }
    }
  }

  private static void requirePrice(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite price >= 0, got " + value);
    }
  }
}
