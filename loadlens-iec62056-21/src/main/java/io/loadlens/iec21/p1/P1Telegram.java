package io.loadlens.iec21.p1;

import io.loadlens.iec21.DataSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A decoded DSMR P1 telegram.
 *
 * @param identification the header after {@code /}, e.g. {@code KFM5KAIFA-METER}
 * @param manufacturer the first three characters of the identification
 * @param version the DSMR version from {@code 1-3:0.2.8} (e.g. "42", "50") or the e-MUCS version
 *     from {@code 0-0:96.1.4}; empty for DSMR 2.2/3.0 telegrams, which carry none
 * @param timestamp the telegram time {@code 0-0:1.0.0}, if present
 * @param equipmentId the meter's equipment identifier {@code 0-0:96.1.1} (hex-encoded ASCII decoded
 *     when printable), if present
 * @param crc the CRC result: {@code NONE} for telegrams without one (DSMR 2.2/3.0)
 * @param dataSets every data set in order, as sent
 * @param values the numeric values in base units, with their capture times
 */
public record P1Telegram(
    String identification,
    String manufacturer,
    String version,
    Optional<OffsetDateTime> timestamp,
    Optional<String> equipmentId,
    CrcCheck crc,
    List<DataSet> dataSets,
    List<P1Value> values) {

  public P1Telegram {
    dataSets = List.copyOf(dataSets);
    values = List.copyOf(values);
  }

  /** The CRC of the telegram. */
  public record CrcCheck(Status status, int expected, int actual) {
    public static final CrcCheck NONE = new CrcCheck(Status.NONE, 0, 0);

    /** Whether the telegram had a CRC and whether it matched. */
    public enum Status {
      VALID,
      NONE
    }
  }
}
