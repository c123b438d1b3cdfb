package io.loadlens.iec21.p1;

import io.loadlens.iec21.Iec21Exception;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * DSMR timestamps {@code YYMMDDhhmmssX}: local time in the Netherlands, Belgium or Luxembourg,
 * where {@code X} = {@code W} is winter time (UTC+01:00) and {@code S} summer time (UTC+02:00).
 * Meters send impossible dates (e.g. {@code 632525252525W}) for entries that have no value, such as
 * the months before installation in a Belgian 13-month peak history; those decode to empty, not to
 * an error.
 */
public final class P1Timestamp {
  private static final ZoneOffset WINTER = ZoneOffset.ofHours(1);
  private static final ZoneOffset SUMMER = ZoneOffset.ofHours(2);

  private P1Timestamp() {}

  /**
   * Decodes a timestamp; empty for the placeholder dates meters send for "no value".
   *
   * @throws Iec21Exception when the text does not have the DSMR timestamp form at all
   */
  public static Optional<OffsetDateTime> parse(String text, String field) {
    if (text.length() != 13 || !text.substring(0, 12).chars().allMatch(Character::isDigit)) {
      throw new Iec21Exception(
          field + ": timestamp '" + text + "' is not YYMMDDhhmmss followed by S or W");
    }
    char dst = text.charAt(12);
    ZoneOffset offset =
        switch (dst) {
          case 'W', 'w' -> WINTER;
          case 'S', 's' -> SUMMER;
          default ->
              throw new Iec21Exception(
                  field
                      + ": timestamp '"
                      + text
                      + "' ends in '"
                      + dst
                      + "', expected S (summer) or W (winter)");
        };
    try {
      LocalDateTime local =
          LocalDateTime.of(
              2000 + num(text, 0),
              num(text, 2),
              num(text, 4),
              num(text, 6),
              num(text, 8),
              num(text, 10));
      return Optional.of(OffsetDateTime.of(local, offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int num(String s, int at) {
    return Integer.parseInt(s.substring(at, at + 2));
  }
}
