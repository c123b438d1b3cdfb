package io.loadlens.server.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Axis ticks: round numbers, and local times on day, week or month boundaries. */
final class Ticks {

  /** A tick at {@code value} on the axis, labelled {@code label}. */
  record Tick(double value, String label) {}

  /**
   * An axis: its title, its range and its ticks.
   *
   * @param title what the axis shows, with its unit ("demand (kW)"); empty for none
   */
  record Axis(String title, double min, double max, List<Tick> ticks) {
    Axis {
      if (!(max > min)) {
        throw new IllegalArgumentException("axis " + title + ": max " + max + " <= min " + min);
      }
      ticks = List.copyOf(ticks);
    }
  }

  private static final long HOUR = 3600;
  private static final long DAY = 86_400;
  private static final DateTimeFormatter DAY_LABEL =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_LABEL =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter HOUR_LABEL =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private Ticks() {}

  /** 1, 2 or 5 times a power of ten: the smallest such step giving at most {@code target} steps. */
  static double niceStep(double span, int target) {
    double raw = span / Math.max(1, target);
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * A numeric axis from {@code min} to {@code max}, both widened to the nearest tick; a range
   * without width (or without data) becomes 0..1.
   */
  static Axis numeric(String title, double min, double max, int target, DoubleFunction<String> f) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      min = 0;
      max = 1;
    }
    if (max - min < 1e-9) {
      max = min + (min == 0 ? 1 : Math.abs(min) * 0.1);
    }
    double step = niceStep(max - min, target);
    double lo = Math.floor(min / step + 1e-9) * step;
    double hi = Math.ceil(max / step - 1e-9) * step;
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; lo + i * step <= hi + step * 1e-6; i++) {
      double v = lo + i * step;
      ticks.add(new Tick(v, f.apply(Math.abs(v) < step * 1e-6 ? 0 : v)));
    }
    return new Axis(title, lo, hi, ticks);
  }

  /** The hours of a day, 0 to 24, a tick every {@code every} hours labelled {@code 06:00}. */
  static Axis hoursOfDay(String title, int every) {
    List<Tick> ticks = new ArrayList<>();
    for (int h = 0; h <= 24; h += every) {
      ticks.add(new Tick(h, String.format(Locale.ROOT, "%02d:00", h)));
    }
    return new Axis(title, 0, 24, ticks);
  }

  /**
   * A time axis over {@code [from, to]} (epoch seconds) with at most {@code target} ticks on local
   * hour, day, week (Mondays) or month boundaries of {@code zone}.
   */
  static Axis time(String title, long from, long to, ZoneId zone, int target) {
    if (to <= from) {
      to = from + HOUR;
    }
    long span = to - from;
    List<Tick> ticks;
    if (span / (6 * HOUR) <= target) {
      long every = span / HOUR <= target ? 1 : span / (3 * HOUR) <= target ? 3 : 6;
      ticks = hourTicks(from, to, zone, every);
    } else if (span / (7 * DAY) <= target) {
      long every = span / DAY <= target ? 1 : span / (2 * DAY) <= target ? 2 : 7;
      ticks = dayTicks(from, to, zone, (int) every);
    } else {
      int every = span / (31 * DAY) <= target ? 1 : span / (92 * DAY) <= target ? 3 : 12;
      ticks = monthTicks(from, to, zone, every);
    }
    return new Axis(title, from, to, ticks);
  }

  private static List<Tick> hourTicks(long from, long to, ZoneId zone, long every) {
    List<Tick> out = new ArrayList<>();
    LocalDateTime t = local(from, zone).toLocalDate().atStartOfDay();
    for (; ; t = t.plusHours(every)) {
      long s = t.atZone(zone).toEpochSecond();
      if (s > to) {
        return out;
      }
      if (s >= from) {
        out.add(new Tick(s, t.getHour() == 0 ? t.format(DAY_LABEL) : t.format(HOUR_LABEL)));
      }
    }
  }

  private static List<Tick> dayTicks(long from, long to, ZoneId zone, int every) {
    List<Tick> out = new ArrayList<>();
    LocalDate d = local(from, zone).toLocalDate();
    if (every == 7) {
      while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
        d = d.minusDays(1);
      }
    }
    for (; ; d = d.plusDays(every)) {
      long s = d.atStartOfDay(zone).toEpochSecond();
      if (s > to) {
        return out;
      }
      if (s >= from) {
        out.add(new Tick(s, d.format(DAY_LABEL)));
      }
    }
  }

  private static List<Tick> monthTicks(long from, long to, ZoneId zone, int every) {
    List<Tick> out = new ArrayList<>();
    LocalDate d = local(from, zone).toLocalDate().withDayOfMonth(1);
    d = d.withMonth(((d.getMonthValue() - 1) / every) * every + 1);
    for (; ; d = d.plusMonths(every)) {
      long s = d.atStartOfDay(zone).toEpochSecond();
      if (s > to) {
        return out;
      }
      if (s >= from) {
        out.add(new Tick(s, d.format(MONTH_LABEL)));
      }
    }
  }

  private static LocalDateTime local(long epochSecond, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
  }
}
