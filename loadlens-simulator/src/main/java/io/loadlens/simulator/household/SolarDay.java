package io.loadlens.simulator.household;

/**
 * The sun's position over one day (a standard low-precision solar position: Cooper's declination,
 * hour angle from local mean solar time), evaluated every {@value #STEP} minutes and interpolated
 * linearly in between, and the irradiance geometry on a tilted plane.
 */
final class SolarDay {
  /** Minutes between evaluated sun positions. */
  static final int STEP = 5;

  private final double[] sinElevation;
  private final double[] azimuth;

  SolarDay(DayFrame frame, Climate climate) {
    int points = frame.minutes() / STEP + 2;
    sinElevation = new double[points];
    azimuth = new double[points];
    int doy = frame.date().getDayOfYear();
    double decl = Math.toRadians(23.45) * Math.sin(2 * Math.PI * (284 + doy) / 365.0);
    double lat = Math.toRadians(climate.latitude());
    long startMinute = Math.floorMod(frame.startEpochSecond() / 60, 1_440);
    for (int p = 0; p < points; p++) {
      double utcHours = ((startMinute + (long) p * STEP) % 1_440) / 60.0;
      double solarHours = utcHours + climate.longitude() / 15.0;
      double hourAngle = Math.toRadians(15 * (solarHours - 12));
      double sinEl =
          Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
      sinElevation[p] = sinEl;
      double cosEl = Math.sqrt(Math.max(0, 1 - sinEl * sinEl));
      double sinAz = -Math.cos(decl) * Math.sin(hourAngle) / Math.max(1e-9, cosEl);
      double cosAz =
          (Math.sin(decl) - sinEl * Math.sin(lat)) / Math.max(1e-9, cosEl * Math.cos(lat));
      azimuth[p] = Math.atan2(sinAz, cosAz); // 0 = north, +pi/2 = east (clockwise from north)
    }
  }

  /** Sine of the sun's elevation at an elapsed minute (negative at night). */
  double sinElevation(int index) {
    int p = index / STEP;
    double f = (index - p * STEP) / (double) STEP;
    return sinElevation[p] + (sinElevation[p + 1] - sinElevation[p]) * f;
  }

  /**
   * Cosine of the angle between the sun and the normal of a plane tilted by {@code tilt} radians
   * facing {@code planeAzimuth} radians (clockwise from north); 0 when the sun is behind it.
   */
  double incidence(int index, double tilt, double planeAzimuth) {
    int p = index / STEP;
    double f = (index - p * STEP) / (double) STEP;
    double a = incidenceAt(p, tilt, planeAzimuth);
    double b = incidenceAt(p + 1, tilt, planeAzimuth);
    return a + (b - a) * f;
  }

  private double incidenceAt(int p, double tilt, double planeAzimuth) {
    double sinEl = sinElevation[p];
    if (sinEl <= 0) {
      return 0;
    }
    double cosEl = Math.sqrt(1 - sinEl * sinEl);
    double cos =
        sinEl * Math.cos(tilt) + cosEl * Math.sin(tilt) * Math.cos(azimuth[p] - planeAzimuth);
    return Math.max(0, cos);
  }
}
