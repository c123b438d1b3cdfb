package io.loadlens.simulator.household;

/**
 * The sun's position for each elapsed minute of one day (a standard low-precision solar position:
 * Cooper's declination, hour angle from local mean solar time), and the irradiance on a tilted
 * plane as a fraction of the clear-sky maximum.
 */
final class SolarDay {
  private final double[] sinElevation;
  private final double[] azimuth;

  SolarDay(DayFrame frame, Climate climate) {
    int n = frame.minutes() + DayFrame.SPILL_MINUTES;
    sinElevation = new double[n];
    azimuth = new double[n];
    int doy = frame.date().getDayOfYear();
    double decl = Math.toRadians(23.45) * Math.sin(2 * Math.PI * (284 + doy) / 365.0);
    double lat = Math.toRadians(climate.latitude());
    for (int i = 0; i < n; i++) {
      double utcHours = ((frame.startEpochSecond() / 60 + i) % 1_440 + 1_440) % 1_440 / 60.0;
      double solarHours = utcHours + climate.longitude() / 15.0;
      double hourAngle = Math.toRadians(15 * (solarHours - 12));
      double sinEl =
          Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
      sinElevation[i] = sinEl;
      double cosEl = Math.sqrt(Math.max(0, 1 - sinEl * sinEl));
      double sinAz = -Math.cos(decl) * Math.sin(hourAngle) / Math.max(1e-9, cosEl);
      double cosAz =
          (Math.sin(decl) - sinEl * Math.sin(lat)) / Math.max(1e-9, cosEl * Math.cos(lat));
      azimuth[i] = Math.atan2(sinAz, cosAz); // 0 = north, +pi/2 = east (clockwise from north)
    }
  }

  /** Sine of the sun's elevation at an elapsed minute (negative at night). */
  double sinElevation(int index) {
    return sinElevation[index];
  }

  /**
   * Cosine of the angle between the sun and the normal of a plane tilted by {@code tilt} radians
   * facing {@code planeAzimuth} radians (clockwise from north); 0 when the sun is behind it.
   */
  double incidence(int index, double tilt, double planeAzimuth) {
    double sinEl = sinElevation[index];
    if (sinEl <= 0) {
      return 0;
    }
    double cosEl = Math.sqrt(1 - sinEl * sinEl);
    double cos =
        sinEl * Math.cos(tilt) + cosEl * Math.sin(tilt) * Math.cos(azimuth[index] - planeAzimuth);
    return Math.max(0, cos);
  }
}
