package io.loadlens.dlms.server;

import io.loadlens.model.ObisCode;
import java.util.List;

/**
 * A Profile Generic (class 7) a meter keeps. Its capture objects are, in order: the clock
 * (0-0:1.0.0.255 attribute 2), the status byte (the profile's status object, an unsigned Data
 * object), then one column per entry of {@code columns}, each the value attribute (2) of that
 * register.
 *
 * @param obis logical name, e.g. 1-0:99.1.0.255
 * @param statusObis logical name of the status Data object captured in column 2 (e.g.
 *     0-0:96.10.1.255 for the AMR profile status)
 * @param capturePeriodSeconds capture_period
 * @param profileEntries profile_entries: how many rows the buffer holds at most
 * @param columns the value columns after clock and status
 */
public record ProfileDefinition(
    ObisCode obis,
    ObisCode statusObis,
    int capturePeriodSeconds,
    long profileEntries,
    List<RegisterDefinition> columns) {
  public ProfileDefinition {
    columns = List.copyOf(columns);
  }
}
