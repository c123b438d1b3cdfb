package io.loadlens.server.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How the PDF report writes numbers and times: fixed decimals, local times of the fleet's zone. */
final class ReportFormat {

  /** Written where a figure is not known. */
  static final String UNKNOWN = "-";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final ZoneId zone;

  ReportFormat(ZoneId zone) {
    this.zone = zone;
  }

  ZoneId zone() {
    return zone;
  }

  /** {@code 2024-01-03 19:45} in the fleet's zone. */
  String time(Instant t) {
    return TIME.format(t.atZone(zone));
  }

  String time(Optional<Instant> t) {
    return t.map(this::time).orElse(UNKNOWN);
  }

  /** {@code 2024-01-03 19:45 +01:00}: a time with its offset, for the title page. */
  String timeWithOffset(Instant t) {
    return time(t) + " " + t.atZone(zone).getOffset().getId().replace("Z", "+00:00");
  }

  /** {@code value} with {@code decimals} decimals, or {@value #UNKNOWN} when not a number. */
  static String fixed(double value, int decimals) {
    return Double.isFinite(value)
        ? String.format(Locale.ROOT, "%." + decimals + "f", value)
        : UNKNOWN;
  }

  /** A count with thousands separators: {@code 1,696,494}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A share 0..1 as a percentage with one decimal. */
  static String percent(double share) {
    return Double.isFinite(share) ? fixed(share * 100, 1) + " %" : UNKNOWN;
  }
}
