package io.loadlens.simulator.household;

/**
 * Rooftop photovoltaics: clear-sky beam irradiance after the air mass (Meinel: 1353 W/m² ×
 * 0.7^(AM^0.678)) on the tilted plane plus a diffuse share, reduced by the day's cloud cover (with
 * minute-scale variability on broken-cloud days) and by system losses.
 *
 * @param peakWatts the array's rating at 1000 W/m² (kWp × 1000)
 * @param tiltDegrees panel tilt from horizontal
 * @param azimuthDegrees panel orientation, clockwise from north (180 = south)
 */
public record RooftopPv(double peakWatts, double tiltDegrees, double azimuthDegrees)
    implements Appliance {
  private static final double SOLAR_CONSTANT = 1_353;
  private static final double SYSTEM_EFFICIENCY = 0.82;

  @Override
  public ApplianceKind kind() {
    return ApplianceKind.ROOFTOP_PV;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%.1f kWp, tilt %.0f°, azimuth %.0f°",
        peakWatts / 1_000,
        tiltDegrees,
        azimuthDegrees);
  }

  @Override
  public void render(DayContext day, double[] out) {
    int n = day.frame().minutes();
    SolarDay sun = day.solar();
    double tilt = Math.toRadians(tiltDegrees);
    double azimuth = Math.toRadians(azimuthDegrees);
    double cloud = day.cloudiness();
    boolean broken = cloud > 0.2 && cloud < 0.85;
    for (int i = 0; i < n; i++) {
      double sinEl = sun.sinElevation(i);
      if (sinEl <= 0.01) {
        continue;
      }
      double airMass = Math.min(38, 1 / sinEl);
      double dni = SOLAR_CONSTANT * Math.pow(0.7, Math.pow(airMass, 0.678));
      double beamShare = 1 - 0.95 * cloud;
      if (broken) {
        beamShare *= day.noise(51, i / 4) < cloud ? 0.15 : 1.1;
      }
      double beam = dni * sun.incidence(i, tilt, azimuth) * Math.max(0, beamShare);
      double diffuse = dni * sinEl * (0.12 + 0.25 * cloud * (1 - cloud)) * (1 + Math.cos(tilt)) / 2;
      double watts = peakWatts * (beam + diffuse) / 1_000 * SYSTEM_EFFICIENCY;
      out[i] += Math.min(peakWatts, watts);
    }
  }
}
