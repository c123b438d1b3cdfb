package io.loadlens.simulator.household;

import java.time.ZoneId;

/**
 * Where the simulated households are: the latitude and longitude for the sun, and the temperature
 * regime (annual mean, seasonal and diurnal amplitude) for heating, cooling and the refrigerator.
 *
 * @param latitude degrees north (negative south)
 * @param longitude degrees east
 * @param annualMeanC mean outdoor temperature over the year, °C
 * @param seasonalAmplitudeC half the difference between the warmest and coldest daily means, °C
 * @param diurnalAmplitudeC half the day-night difference on a clear day, °C
 * @param meanCloudiness mean cloud cover, 0 (clear) to 1 (overcast)
 */
public record Climate(
    double latitude,
    double longitude,
    double annualMeanC,
    double seasonalAmplitudeC,
    double diurnalAmplitudeC,
    double meanCloudiness) {

  /** Central Europe (Frankfurt): cold winters, the default climate. */
  public static final Climate CENTRAL_EUROPE = new Climate(50.1, 8.7, 10.5, 9.0, 5.0, 0.6);

  /** Sydney: mild winters, warm summers (the climate of the SGSC trial households). */
  public static final Climate SYDNEY = new Climate(-33.9, 151.2, 18.3, 5.0, 4.0, 0.45);

  public Climate {
    if (latitude < -66 || latitude > 66) {
      throw new IllegalArgumentException("climate latitude " + latitude + " is outside -66..66");
    }
    if (meanCloudiness < 0 || meanCloudiness > 1) {
      throw new IllegalArgumentException(
          "climate meanCloudiness " + meanCloudiness + " is outside 0..1");
    }
  }

  /** Australian zones get Sydney's climate; every other zone gets Central Europe's. */
  public static Climate forZone(ZoneId zone) {
    return zone.getId().startsWith("Australia/") ? SYDNEY : CENTRAL_EUROPE;
  }

  /** Day of the year (1..366) with the coldest mean, late January north, late July south. */
  int coldestDayOfYear() {
    return latitude >= 0 ? 20 : 202;
  }
}
