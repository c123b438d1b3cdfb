package io.loadlens.dlms.axdr;

import io.loadlens.dlms.DlmsFramingException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The COSEM date-time (IEC 62056-6-2 clause 4.1.6.1), 12 octets:
 *
 * <pre>
 *   year(2) month day day-of-week hour minute second hundredths deviation(2, signed) clock-status
 * </pre>
 *
 * 0xFF (0xFFFF for the year) = not specified. Deviation is minutes with UTC = local + deviation
 * (Green Book convention, so UTC+01:00 is -60); 0x8000 = not specified. Clock status bit 0x80 =
 * daylight saving active.
 */
public record CosemDateTime(
    int year,
    int month,
    int day,
    int dayOfWeek,
    int hour,
    int minute,
    int second,
    int hundredths,
    int deviation,
    int status) {

  /** Encoded size in octets. */
  public static final int SIZE = 12;

  /** Deviation value meaning "not specified". */
  public static final int DEVIATION_UNSPECIFIED = 0x8000;

  /** Clock status bit: daylight saving time active. */
  public static final int STATUS_DST = 0x80;

  private static final int NOT_SPECIFIED = 0xFF;

  public static CosemDateTime decode(byte[] b, int off) {
    if (off < 0 || off + SIZE > b.length) {
      throw new DlmsFramingException(
          "date-time needs 12 octets at offset " + off + ", only " + (b.length - off) + " remain");
    }
    int year = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    int dev = (short) (((b[off + 9] & 0xFF) << 8) | (b[off + 10] & 0xFF));
    return new CosemDateTime(
        year == 0xFFFF ? -1 : year,
        b[off + 2] & 0xFF,
        b[off + 3] & 0xFF,
        b[off + 4] & 0xFF,
        b[off + 5] & 0xFF,
        b[off + 6] & 0xFF,
        b[off + 7] & 0xFF,
        b[off + 8] & 0xFF,
        dev == (short) 0x8000 ? DEVIATION_UNSPECIFIED : dev,
        b[off + 11] & 0xFF);
  }

  /** The date-time of {@code instant} on a clock that keeps {@code zone}. */
  public static CosemDateTime of(Instant instant, ZoneId zone) {
    ZonedDateTime z = instant.atZone(zone);
    int offsetMinutes = z.getOffset().getTotalSeconds() / 60;
    boolean dst = zone.getRules().isDaylightSavings(instant);
    return new CosemDateTime(
        z.getYear(),
        z.getMonthValue(),
        z.getDayOfMonth(),
        z.getDayOfWeek().getValue(),
        z.getHour(),
        z.getMinute(),
        z.getSecond(),
        z.getNano() / 10_000_000,
        -offsetMinutes,
        dst ? STATUS_DST : 0);
  }

  public byte[] encode() {
    byte[] out = new byte[SIZE];
    int y = year < 0 ? 0xFFFF : year;
    out[0] = (byte) (y >>> 8);
    out[1] = (byte) y;
    out[2] = (byte) month;
    out[3] = (byte) day;
    out[4] = (byte) dayOfWeek;
    out[5] = (byte) hour;
    out[6] = (byte) minute;
    out[7] = (byte) second;
    out[8] = (byte) hundredths;
    out[9] = (byte) (deviation >>> 8);
    out[10] = (byte) deviation;
    out[11] = (byte) status;
    return out;
  }

  /**
   * The instant, when year, month, day, hour and minute are specified; an unspecified deviation is
   * read as {@code fallbackZone}'s offset, unspecified seconds/hundredths as 0.
   */
  public Optional<Instant> toInstant(ZoneId fallbackZone) {
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
      return Optional.empty();
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              year,
              month,
              day,
              hour,
              minute,
              second == NOT_SPECIFIED ? 0 : second,
              hundredths == NOT_SPECIFIED ? 0 : hundredths * 10_000_000);
      if (deviation == DEVIATION_UNSPECIFIED) {
        return Optional.of(local.atZone(fallbackZone).toInstant());
      }
      return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(-deviation * 60)));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Epoch seconds of the date-time at {@code off} without allocating; {@link Long#MIN_VALUE} when a
   * date or time field is not specified. An unspecified deviation is read as UTC.
   */
  public static long epochSeconds(byte[] b, int off) {
    int year = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    int month = b[off + 2] & 0xFF;
    int day = b[off + 3] & 0xFF;
    int hour = b[off + 5] & 0xFF;
    int minute = b[off + 6] & 0xFF;
    int second = b[off + 7] & 0xFF;
    if (year == 0xFFFF
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour > 23
        || minute > 59) {
      return Long.MIN_VALUE;
    }
    if (second > 59) {
      second = 0;
    }
    int dev = (short) (((b[off + 9] & 0xFF) << 8) | (b[off + 10] & 0xFF));
    long local = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    return dev == (short) 0x8000 ? local : local + dev * 60L;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
