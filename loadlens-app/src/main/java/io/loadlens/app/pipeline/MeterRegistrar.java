package io.loadlens.app.pipeline;

import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ReadingBatch;
import io.loadlens.store.Store;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds meters that readings arrive for to the store's registry the first time they are seen, so
 * that VEE, insights and the API (which walk the registry) find meters nobody configured on this
 * side: readings from a remote gateway, a P1 port, a wM-Bus receiver. A meter already registered
 * (also by another writer since this registrar started) keeps its entry; a new one gets the batch's
 * source (or the given group) as its group and {@code zone}.
 */
final class MeterRegistrar {
  private final Store store;
  private final ZoneId zone;
  private final String group;
  private final Set<MeterId> known = new HashSet<>();
  private boolean loaded;

  /**
   * @param group group of new meters, or null for the batch's source ({@code dlms}, {@code p1}…)
   */
  MeterRegistrar(Store store, ZoneId zone, String group) {
    this.store = store;
    this.zone = zone;
    this.group = group;
  }

  /** Registers the meters of {@code batches} not seen before; call before ingesting them. */
  synchronized void register(Collection<ReadingBatch> batches) {
    if (!loaded) {
      // read when the first readings arrive, so that meters a command registered after creating
      // this (a fleet's meters) need no lookup each
      store.meters().forEach(m -> known.add(m.id()));
      loaded = true;
    }
    List<MeterInfo> fresh = new ArrayList<>();
    for (ReadingBatch b : batches) {
      if (known.add(b.meter()) && store.meter(b.meter()).isEmpty()) {
        fresh.add(
            new MeterInfo(
                b.meter(), group != null ? group : b.source(), "", "", 0, zone, Map.of()));
      }
    }
    if (!fresh.isEmpty()) {
      try {
        store.upsertMeters(fresh);
      } catch (RuntimeException e) {
        fresh.forEach(m -> known.remove(m.id()));
        throw e;
      }
    }
  }
}
