package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written meter with a 15-minute profile of {@code rows} rows ending at {@code now}: clock,
 * status, +A (Wh, scaler 0), -A (Wh, scaler 0), P+ (W, scaler -1, long-unsigned), U L1 (V, scaler
 * -1). Row i has values i*10, i, i % 5000, 2300 + i % 50; every 100th row is missing (an outage)
 * and row 7 has status POWER_DOWN.
 */
public final class FixedMeter implements MeterDataSource {
  public static final ObisCode STATUS = new ObisCode(0, 0, 96, 10, 1, 255);
  public static final int PERIOD = 900;
  public static final List<RegisterDefinition> COLUMNS =
      List.of(
          new RegisterDefinition(ObisCode.ACTIVE_ENERGY_IMPORT, 0, Unit.WATT_HOUR, 6),
          new RegisterDefinition(ObisCode.ACTIVE_ENERGY_EXPORT, 0, Unit.WATT_HOUR, 6),
          new RegisterDefinition(ObisCode.ACTIVE_POWER_IMPORT, -1, Unit.WATT, 18),
          new RegisterDefinition(ObisCode.VOLTAGE_L1, -1, Unit.VOLT, 18));

  /** A Data object (class 1) whose value clients may set to anything: {@link #notes}. */
  public static final ObisCode NOTES = new ObisCode(0, 0, 128, 0, 0, 255);

  /** Image transfer (class 18): method 2 image_block_transfer records its parameters. */
  public static final ObisCode IMAGE_TRANSFER = new ObisCode(0, 0, 44, 0, 0, 255);

  /** The last time a client set the clock to, or null. */
  public volatile Instant clockSetTo;

  /** The last value set on {@link #NOTES}, or null. */
  public volatile CosemValue notes;

  /** The parameters of every image_block_transfer, in order. */
  public final List<CosemValue> imageBlocks = new CopyOnWriteArrayList<>();

  private final Instant now;
  private final int rows;
  private final ZoneId zone;

  public FixedMeter(Instant now, int rows, ZoneId zone) {
    this.now = now;
    this.rows = rows;
    this.zone = zone;
  }

  /** Capture time of row i (0 = oldest). */
  public long time(int i) {
    return now.getEpochSecond() / PERIOD * PERIOD - (long) (rows - 1 - i) * PERIOD;
  }

  public static boolean missing(int i) {
    return i % 100 == 99;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public String deviceId() {
    return "LL00000042";
  }

  @Override
  public List<RegisterDefinition> registers() {
    return COLUMNS;
  }

  @Override
  public Optional<Long> registerValue(ObisCode register) {
    return register.equals(ObisCode.ACTIVE_ENERGY_IMPORT) ? Optional.of(123456L) : Optional.empty();
  }

  @Override
  public List<ProfileDefinition> profiles() {
    return List.of(new ProfileDefinition(ObisCode.LOAD_PROFILE_1, STATUS, PERIOD, 10_000, COLUMNS));
  }

  @Override
  public ProfileRows rows(ObisCode profile, Instant from, Instant to) {
    int n = 0;
    for (int i = 0; i < rows; i++) {
      if (!missing(i) && time(i) >= from.getEpochSecond() && time(i) <= to.getEpochSecond()) {
        n++;
      }
    }
    long[] t = new long[n];
    int[] s = new int[n];
    long[][] v = new long[4][n];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (!missing(i) && time(i) >= from.getEpochSecond() && time(i) <= to.getEpochSecond()) {
        t[k] = time(i);
        s[k] = i == 7 ? 0x80 : 0;
        v[0][k] = i * 10L;
        v[1][k] = i;
        v[2][k] = i % 5000;
        v[3][k] = 2300 + i % 50;
        k++;
      }
    }
    return new ProfileRows(t, s, v);
  }

  @Override
  public boolean setClock(Instant time) {
    clockSetTo = time;
    return true;
  }

  @Override
  public DataAccessResult setAttribute(AttributeDescriptor attribute, CosemValue value) {
    if (attribute.classId() != 1 || !attribute.obis().equals(NOTES)) {
      return DataAccessResult.OBJECT_UNDEFINED;
    }
    if (attribute.attribute() != 2) {
      return DataAccessResult.READ_WRITE_DENIED;
    }
    notes = value;
    return DataAccessResult.SUCCESS;
  }

  /** image_block_transfer answers success with the number of blocks received so far. */
  @Override
  public MethodResult invokeMethod(AttributeDescriptor method, CosemValue parameters) {
    if (method.classId() != 18 || !method.obis().equals(IMAGE_TRANSFER)) {
      return MethodResult.of(DataAccessResult.OBJECT_UNDEFINED);
    }
    if (method.attribute() != 2) {
      return MethodResult.of(DataAccessResult.OBJECT_UNAVAILABLE);
    }
    if (!(parameters instanceof CosemValue.Structure s) || s.elements().size() != 2) {
      return MethodResult.of(DataAccessResult.TYPE_UNMATCHED);
    }
    imageBlocks.add(parameters);
    return new MethodResult(
        DataAccessResult.SUCCESS, CosemValue.Int.doubleLongUnsigned(imageBlocks.size()));
  }

  @Override
  public long entriesInUse(ObisCode profile) {
    return rows - (rows + 1) / 100;
  }
}
