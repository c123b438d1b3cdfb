package io.loadlens.collector.bench;

import io.loadlens.dlms.server.MeterDataSource;
import io.loadlens.dlms.server.ProfileDefinition;
import io.loadlens.dlms.server.ProfileRows;
import io.loadlens.dlms.server.RegisterDefinition;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * A meter with a computable load profile, for benchmarks and end-to-end tests: load profile 1 with
 * a 15-minute capture period and one column, the active energy import register (Wh, scaler 0,
 * double-long-unsigned), whose value at capture time {@code t} is {@link #energy(int, long)}. Rows
 * can be made to go missing and to carry status bits, to play outages and hardware faults.
 */
public final class SyntheticMeter implements MeterDataSource {
  /** The AMR profile status object captured in column 2 (IDIS: 0-0:96.10.1.255). */
  public static final ObisCode STATUS = new ObisCode(0, 0, 96, 10, 1, 255);

  /** 15 minutes. */
  public static final int PERIOD = 900;

  /** A-XDR double-long-unsigned (IEC 62056-6-2, 4.1.5). */
  static final int DOUBLE_LONG_UNSIGNED = 6;

  private static final RegisterDefinition ENERGY =
      new RegisterDefinition(
          ObisCode.ACTIVE_ENERGY_IMPORT, 0, Unit.WATT_HOUR, DOUBLE_LONG_UNSIGNED);
  private static final ProfileDefinition PROFILE =
      new ProfileDefinition(ObisCode.LOAD_PROFILE_1, STATUS, PERIOD, 96L * 62, List.of(ENERGY));

  private final int index;
  private final Clock clock;
  private volatile LongPredicate missing = t -> false;
  private volatile int statusBits;

  public SyntheticMeter(int index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /** The cumulative energy (Wh) meter {@code index} shows at capture time {@code t}. */
  public static long energy(int index, long t) {
    long interval = t / PERIOD;
    return interval * (100 + index % 50) + (interval * 7919 + index) % 97;
  }

  /** Capture times for which the meter has no row (an outage). */
  public void missing(LongPredicate p) {
    missing = p;
  }

  /** Status bits set on every row from now on. */
  public void statusBits(int bits) {
    statusBits = bits;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public ZoneId zone() {
    return ZoneOffset.UTC;
  }

  @Override
  public String deviceId() {
    return "SYN" + index;
  }

  @Override
  public List<RegisterDefinition> registers() {
    return List.of(ENERGY);
  }

  @Override
  public Optional<Long> registerValue(ObisCode register) {
    return register.equals(ENERGY.obis())
        ? Optional.of(energy(index, clock.instant().getEpochSecond()))
        : Optional.empty();
  }

  @Override
  public List<ProfileDefinition> profiles() {
    return List.of(PROFILE);
  }

  @Override
  public ProfileRows rows(ObisCode profile, Instant from, Instant to) {
    long end = Math.min(to.getEpochSecond(), clock.instant().getEpochSecond());
    long first = Math.floorDiv(from.getEpochSecond() + PERIOD - 1, PERIOD) * PERIOD;
    int max = (int) Math.max(0, (end - first) / PERIOD + 1);
    long[] times = new long[max];
    long[] values = new long[max];
    int n = 0;
    LongPredicate gap = missing;
    for (long t = first; t <= end; t += PERIOD) {
      if (!gap.test(t)) {
        times[n] = t;
        values[n++] = energy(index, t);
      }
    }
    int[] status = new int[n];
    Arrays.fill(status, statusBits);
    return new ProfileRows(
        Arrays.copyOf(times, n), status, new long[][] {Arrays.copyOf(values, n)});
  }

  @Override
  public long entriesInUse(ObisCode profile) {
    return PROFILE.profileEntries();
  }
}
