package io.loadlens.transport;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The meter events of one meter that travel as one message (see {@link
 * io.loadlens.transport.codec.EventCodec}).
 *
 * @param meter the meter every event belongs to
 * @param events one or more events, in the order they were found
 */
public record EventBatch(MeterId meter, List<MeterEvent> events) {

  public EventBatch {
    Objects.requireNonNull(meter, "meter");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events of meter " + meter + ": empty");
    }
    for (int i = 0; i < events.size(); i++) {
      MeterId m = events.get(i).meter();
      if (!m.equals(meter)) {
        throw new IllegalArgumentException(
            "events[" + i + "].meter: " + m + " is not the batch's meter " + meter);
      }
    }
  }

  /**
   * Splits events of any meters into batches of one meter each, at most {@code maxPerBatch} events
   * per batch, keeping the order of each meter's events; meters appear in order of first event.
   */
  public static List<EventBatch> byMeter(List<MeterEvent> events, int maxPerBatch) {
    if (maxPerBatch < 1) {
      throw new IllegalArgumentException("maxPerBatch: " + maxPerBatch + " is below 1");
    }
    Map<MeterId, List<MeterEvent>> grouped = new LinkedHashMap<>();
    for (MeterEvent e : events) {
      grouped.computeIfAbsent(e.meter(), m -> new ArrayList<>()).add(e);
    }
    List<EventBatch> out = new ArrayList<>();
    for (Map.Entry<MeterId, List<MeterEvent>> g : grouped.entrySet()) {
      List<MeterEvent> all = g.getValue();
      for (int from = 0; from < all.size(); from += maxPerBatch) {
        out.add(
            new EventBatch(
                g.getKey(), all.subList(from, Math.min(all.size(), from + maxPerBatch))));
      }
    }
    return out;
  }
}
