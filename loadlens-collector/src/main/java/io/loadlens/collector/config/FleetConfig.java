package io.loadlens.collector.config;

import io.loadlens.model.MeterId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The meters one collector reads, frozen at start. Built by {@link FleetFiles} from a fleet file or
 * a {@code dlms_config.yaml}, or directly (e.g. from a {@code loadlens.yaml} section).
 *
 * @param clientSystemTitle this head-end's 8-octet system title; empty when no meter uses HLS-GMAC
 * @param meters the meters, ids unique
 */
public record FleetConfig(Octets clientSystemTitle, List<MeterConfig> meters) {

  public FleetConfig {
    clientSystemTitle = clientSystemTitle == null ? new Octets(new byte[0]) : clientSystemTitle;
    meters = List.copyOf(meters);
    if (clientSystemTitle.length() != 0
        && clientSystemTitle.length() != MeterConfig.SYSTEM_TITLE_LENGTH) {
      throw new InvalidFieldException(
          "clientSystemTitle",
          "must be "
              + MeterConfig.SYSTEM_TITLE_LENGTH
              + " octets, got "
              + clientSystemTitle.length());
    }
    Set<MeterId> seen = new HashSet<>();
    for (MeterConfig m : meters) {
      if (!seen.add(m.id())) {
        throw new InvalidFieldException("meters", "meter id " + m.id() + " appears twice");
      }
      if (m.security() == MeterConfig.Security.HLS_GMAC && clientSystemTitle.length() == 0) {
        throw new InvalidFieldException(
            "clientSystemTitle", "is required because meter " + m.id() + " uses hls-gmac");
      }
    }
  }

  public int size() {
    return meters.size();
  }
}
