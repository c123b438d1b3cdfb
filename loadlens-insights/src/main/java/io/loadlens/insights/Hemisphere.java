package io.loadlens.insights;

import java.time.ZoneId;
import java.util.List;

/** Which months are summer: meteorological seasons (DJF, MAM, JJA, SON) depend on it. */
public enum Hemisphere {
  NORTH,
  SOUTH,
  /** Southern for the IANA zones of southern-hemisphere countries listed here, else northern. */
  AUTO;

  private static final List<String> SOUTHERN_PREFIXES =
      List.of(
          "Australia/",
          "Antarctica/",
          "Pacific/Auckland",
          "Pacific/Chatham",
          "Pacific/Fiji",
          "NZ",
          "America/Argentina/",
          "America/Buenos_Aires",
          "America/Santiago",
          "America/Sao_Paulo",
          "America/Montevideo",
          "America/Asuncion",
          "America/La_Paz",
          "America/Lima",
          "Africa/Johannesburg",
          "Africa/Maputo",
          "Africa/Harare",
          "Africa/Windhoek",
          "Africa/Gaborone",
          "Indian/Mauritius",
          "Indian/Reunion");

  /** The hemisphere to use for a zone. */
  public Hemisphere resolve(ZoneId zone) {
    if (this != AUTO) {
      return this;
    }
    String id = zone.getId();
    return SOUTHERN_PREFIXES.stream().anyMatch(id::startsWith) ? SOUTH : NORTH;
  }

  /** The meteorological season name of a month (1..12). */
  public String season(ZoneId zone, int month) {
    int m = resolve(zone) == SOUTH ? (month + 5) % 12 + 1 : month;
    return switch (m) {
      case 12, 1, 2 -> "winter";
      case 3, 4, 5 -> "spring";
      case 6, 7, 8 -> "summer";
      default -> "autumn";
    };
  }
}
