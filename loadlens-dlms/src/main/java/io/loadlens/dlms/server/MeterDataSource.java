package io.loadlens.dlms.server;

import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.model.ObisCode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What a meter knows, as the COSEM server engine serves it: its clock, its registers and its load
 * profiles. The simulator implements this for each simulated household; tests implement it with
 * fixed data. Profile rows are computed on demand for the range asked, never held in memory.
 *
 * <p>The server engine builds the COSEM objects from it: Clock (class 8) from {@link #now()} and
 * {@link #zone()}, one Register (class 3) per {@link #registers()} entry, one Profile Generic
 * (class 7) per {@link #profiles()} entry whose capture objects are the clock, the status byte and
 * the profile's value columns, and the Association LN object list of all of them.
 */
public interface MeterDataSource {

  /** The meter's clock now (a skewed meter returns a skewed time). */
  Instant now();

  /** The time zone the meter's clock keeps (for the date-time deviation and DST status bit). */
  ZoneId zone();

  /** The logical device name / manufacturing number (served as 0-0:96.1.0.255, class 1). */
  String deviceId();

  /** The registers the meter exposes, with their scaler and unit. */
  List<RegisterDefinition> registers();

  /** The current value of a register, unscaled (multiply by 10^scaler for the physical value). */
  Optional<Long> registerValue(ObisCode register);

  /** The profiles the meter keeps. */
  List<ProfileDefinition> profiles();

  /**
   * The rows of a profile whose capture time lies in {@code [from, to]} (both inclusive, as COSEM
   * range_descriptor selection is), oldest first, unscaled. Rows the meter did not capture (an
   * outage, a missing entry) are simply absent.
   */
  ProfileRows rows(ObisCode profile, Instant from, Instant to);

  /** The number of rows the profile holds now ({@code entries_in_use}). */
  long entriesInUse(ObisCode profile);

  /**
   * Sets the meter's clock (a SET of Clock attribute 2 by the head-end). Returns false when the
   * meter refuses, which the server answers with read-write-denied; the default refuses.
   */
  default boolean setClock(Instant time) {
    return false;
  }

  /**
   * A SET of an attribute of an object the engine does not serve itself (the engine serves the
   * Clock, Association LN, device id, status, Register and Profile Generic objects). Values of any
   * length arrive here whole, also when the client sent them with block transfer. The default
   * answers object-undefined.
   */
  default DataAccessResult setAttribute(AttributeDescriptor attribute, CosemValue value) {
    return DataAccessResult.OBJECT_UNDEFINED;
  }

  /**
   * An ACTION on a method of an object the engine does not serve itself; the parameters (null for
   * none) arrive whole, also when the client sent them in pblocks. The default answers
   * object-undefined.
   */
  default MethodResult invokeMethod(AttributeDescriptor method, CosemValue parameters) {
    return MethodResult.of(DataAccessResult.OBJECT_UNDEFINED);
  }
}
