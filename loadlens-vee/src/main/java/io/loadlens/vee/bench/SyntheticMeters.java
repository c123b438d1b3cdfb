package io.loadlens.vee.bench;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Unit;
import io.loadlens.vee.VeeInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthetic meters for the benchmark: a cumulative 1-0:1.8.0.255 register read every 15 minutes, a
 * household day shape with noise, and the faults VEE must handle — short and long gaps, an outage
 * with power-down status, a hardware fault, a spike and a register step backwards.
 */
public final class SyntheticMeters {
  static final Instant START = Instant.parse("2023-12-31T23:00:00Z"); // 2024-01-01 local
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final int STEP = 900;

  private SyntheticMeters() {}

  /** One meter's input over {@code days} days, deterministic in {@code seed}. */
  public static VeeInput meter(int seed, int days) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = days * 96;
    double[] reg = new double[n + 1];
    int[] st = new int[n + 1];
    reg[0] = 1e6 + rnd.nextInt(1_000_000);
    double level = 50 + rnd.nextDouble() * 150; // Wh per quarter hour
    for (int i = 0; i < n; i++) {
      int q = i % 96;
      double shape = 0.6 + 0.5 * Math.sin(Math.PI * (q - 24) / 48.0) + (q > 68 && q < 88 ? 0.8 : 0);
      double v = Math.max(0, level * shape * (0.7 + 0.6 * rnd.nextDouble()));
      reg[i + 1] = reg[i] + Math.rint(v);
    }
    boolean[] drop = new boolean[n + 1];
    for (int g = 0; g < days / 7; g++) { // about one short gap a week
      int a = 1 + rnd.nextInt(n - 10);
      Arrays.fill(drop, a, a + 1 + rnd.nextInt(6), true);
    }
    for (int g = 0; g < Math.max(1, days / 90); g++) { // a long gap a quarter, ended by an outage
      int a = 1 + rnd.nextInt(Math.max(1, n - 200));
      int len = 16 + rnd.nextInt(150);
      Arrays.fill(drop, a, Math.min(n, a + len), true);
      st[Math.min(n, a + len)] |= ProfileStatus.POWER_DOWN;
    }
    st[1 + rnd.nextInt(n - 1)] |= ProfileStatus.CRITICAL_ERROR;
    int spike = 1 + rnd.nextInt(n - 1);
    for (int k = spike; k <= n; k++) {
      reg[k] += 50_000; // one interval of implausible energy
    }
    int count = 0;
    for (int k = 0; k <= n; k++) {
      count += drop[k] ? 0 : 1;
    }
    long[] t = new long[count];
    double[] v = new double[count];
    int[] s = new int[count];
    int j = 0;
    for (int k = 0; k <= n; k++) {
      if (!drop[k]) {
        t[j] = START.getEpochSecond() + (long) k * STEP;
        v[j] = reg[k];
        s[j++] = st[k];
      }
    }
    MeterId id = MeterId.of("bench-" + seed);
    MeterInfo info = new MeterInfo(id, "", "", "", 17.3, ZONE, java.util.Map.of());
    return VeeInput.builder(
            info, Duration.ofSeconds(STEP), START, START.plusSeconds((long) n * STEP))
        .channel(new IntervalSeries(id, ObisCode.ACTIVE_ENERGY_IMPORT, Unit.WATT_HOUR, t, v, s))
        .build();
  }
}
