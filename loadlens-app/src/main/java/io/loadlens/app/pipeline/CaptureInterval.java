package io.loadlens.app.pipeline;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A meter's capture period as its stored rows show it: a fleet may mix 15-minute DLMS profiles with
 * 30-minute imports, and validating 30-minute data on a 15-minute grid would call every other
 * interval missing.
 */
public final class CaptureInterval {
  /** When the rows do not tell (fewer than two, or a spacing that does not divide a day). */
  public static final Duration DEFAULT = Duration.ofMinutes(15);

  /** How many of a channel's latest rows are looked at. */
  static final int ROWS = 2_000;

  private CaptureInterval() {}

  /**
   * The most common spacing of consecutive rows in the channel with the most rows; {@link #DEFAULT}
   * when it does not divide a day into whole minutes.
   */
  public static Duration of(List<IntervalSeries> channels) {
    IntervalSeries longest = null;
    for (IntervalSeries c : channels) {
      if (longest == null || c.size() > longest.size()) {
        longest = c;
      }
    }
    if (longest == null || longest.size() < 2) {
      return DEFAULT;
    }
    long[] t = longest.epochSeconds();
    Map<Long, Integer> counts = new HashMap<>();
    for (int i = Math.max(1, t.length - ROWS); i < t.length; i++) {
      long d = t[i] - t[i - 1];
      if (d > 0) {
        counts.merge(d, 1, Integer::sum);
      }
    }
    long mode =
        counts.entrySet().stream()
            .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .orElse(DEFAULT.getSeconds());
    return mode % 60 == 0 && 86_400 % mode == 0 ? Duration.ofSeconds(mode) : DEFAULT;
  }

  /** Of a meter in the store: from its energy channels' last week of rows. */
  public static Duration of(Store store, MeterInfo meter) {
    List<IntervalSeries> channels = new ArrayList<>();
    for (ObisCode obis : store.channels(meter.id())) {
      if (VeeStage.ENERGY_CHANNELS.contains(obis)) {
        Optional<Instant> last = store.lastCaptureTime(meter.id(), obis);
        if (last.isPresent()) {
          channels.add(
              store.readRaw(
                  meter.id(),
                  obis,
                  last.get().minus(Duration.ofDays(7)),
                  last.get().plusSeconds(1)));
        }
      }
    }
    return of(channels);
  }

  /** The coarsest capture period among (up to 50 of) the meters: a grid all of them fill. */
  public static Duration coarsest(Store store, List<MeterInfo> meters) {
    Duration out = null;
    for (MeterInfo m : meters.subList(0, Math.min(50, meters.size()))) {
      Duration d = of(store, m);
      out = out == null || d.compareTo(out) > 0 ? d : out;
    }
    return out == null ? DEFAULT : out;
  }
}
