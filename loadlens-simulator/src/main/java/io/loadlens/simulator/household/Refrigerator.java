package io.loadlens.simulator.household;

/**
 * A refrigerator or fridge-freezer: a compressor cycling on a fixed period whose duty rises with
 * the room temperature and with door openings while people are awake, plus one defrost heater run a
 * day.
 *
 * @param compressorWatts draw while the compressor runs
 * @param periodMinutes length of one on/off cycle
 * @param baseDuty fraction of the cycle the compressor runs at 20 °C room temperature
 * @param phaseMinutes offset of the cycle, so fridges in a fleet do not cycle in step
 */
public record Refrigerator(
    double compressorWatts, int periodMinutes, double baseDuty, int phaseMinutes)
    implements Appliance {
  private static final double DEFROST_WATTS = 250;
  private static final int DEFROST_MINUTES = 20;

  @Override
  public ApplianceKind kind() {
    return ApplianceKind.REFRIGERATOR;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%.0f W, %d min cycle, duty %.2f",
        compressorWatts,
        periodMinutes,
        baseDuty);
  }

  @Override
  public void render(DayContext day, double[] out) {
    int n = day.frame().minutes();
    double room = 18 + 0.25 * Math.max(0, day.dailyMeanC() - 10);
    double duty = Math.min(0.85, baseDuty + 0.02 * (room - 20));
    for (int i = 0; i < n; i++) {
      double d = day.awake(i) ? duty + 0.08 : duty;
      int position = Math.floorMod(i + phaseMinutes, periodMinutes);
      if (position < d * periodMinutes) {
        out[i] += compressorWatts * (position == 0 ? 3 : 1); // inrush in the first minute
      }
    }
    int defrost = day.frame().index(Math.floorMod(phaseMinutes * 37, 1_440));
    for (int i = defrost; i < Math.min(n, defrost + DEFROST_MINUTES); i++) {
      out[i] += DEFROST_WATTS;
    }
  }
}
