package io.loadlens.server.api;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.server.auth.Role;
import io.loadlens.store.EventCount;
import io.loadlens.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collection side as operators see it: which meters are stale or failing, and read errors
 * counted by operator code.
 */
public final class CollectorOperations {

  /** The stale and the failing meters are each listed up to this many. */
  public static final int LISTED = 100;

  /** A meter is failing when a read failure or hardware fault started within this window. */
  public static final Duration FAILING_WINDOW = Duration.ofDays(1);

  /** How far back a meter's last read failure or hardware fault is looked for. */
  public static final Duration ERROR_LOOKBACK = Duration.ofDays(31);

  /** The kinds of event that mean reading a meter failed, as opposed to findings in its data. */
  static final Set<MeterEvent.Kind> FAILURES =
      Set.of(MeterEvent.Kind.READ_FAILURE, MeterEvent.Kind.HARDWARE_FAULT);

  private final Store store;
  private final Clock clock;

  public CollectorOperations(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public List<Operation> operations() {
    return List.of(
        new Operation("collector.status", Role.OPERATOR, false, this::status),
        new Operation("collector.errors", Role.OPERATOR, false, this::errors));
  }

  /**
   * A meter that needs attention.
   *
   * @param meter the meter id
   * @param lastCapture its latest capture on the channel, null when never read
   * @param lastError its newest read failure or hardware fault, null when none was found
   */
  public record MeterState(
      String meter, Instant lastCapture, MeterOperations.EventView lastError) {}

  /** Read errors of one operator code in a range. */
  public record CodeCount(String code, String name, long count, int meterCount, Instant lastAt) {}

  private Object status(Call c) {
    ObisCode obis = Params.obis(c.args(), FleetOperations.rawEnergyChannel(store));
    Duration staleAfter = Params.duration(c.args(), "staleAfter", Duration.ofHours(26));
    Instant now = clock.instant();
    Map<MeterId, Instant> last = store.lastCaptureTimes(obis);
    Map<MeterId, MeterEvent> lastFailure = new HashMap<>();
    for (MeterEvent e : store.latestEvents(now.minus(ERROR_LOOKBACK), now, FAILURES)) {
      lastFailure.put(e.meter(), e);
    }
    Instant failingSince = now.minus(FAILING_WINDOW);
    List<MeterEvent> failing =
        lastFailure.values().stream()
            .filter(e -> !e.start().isBefore(failingSince))
            .sorted(Comparator.comparing(MeterEvent::start).reversed())
            .toList();
    List<MeterInfo> all = store.meters();
    List<MeterState> stale = new ArrayList<>();
    int staleCount = 0;
    int neverRead = 0;
    for (MeterInfo m : all) {
      Instant t = last.get(m.id());
      neverRead += t == null ? 1 : 0;
      if (t == null || t.isBefore(now.minus(staleAfter))) {
        if (staleCount++ < LISTED) {
          stale.add(state(m.id(), t, lastFailure.get(m.id())));
        }
      }
    }
    List<MeterState> failingMeters =
        failing.stream().limit(LISTED).map(e -> state(e.meter(), last.get(e.meter()), e)).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", now);
    out.put("meters", all.size());
    out.put("metersWithData", last.size());
    out.put("readRecently", all.size() - staleCount);
    out.put("neverRead", neverRead);
    out.put("stale", staleCount);
    out.put("staleMeters", stale);
    out.put("failing", failing.size());
    out.put("failingMeters", failingMeters);
    out.put("rawRows", store.rawRowCount());
    out.put(
        "failuresLast24h",
        FleetOperations.failuresByCode(store.eventCounts(now.minus(FAILING_WINDOW), now)));
    return out;
  }

  private static MeterState state(MeterId id, Instant lastCapture, MeterEvent error) {
    return new MeterState(
        id.value(), lastCapture, error == null ? null : MeterOperations.EventView.of(error));
  }

  private Object errors(Call c) {
    Instant now = clock.instant();
    Params.Range r = Params.range(c.args(), now.minus(Duration.ofDays(7)), now);
    int limit = Params.integer(c.args(), "limit", 100, 1, 1000);
    List<CodeCount> codes = new ArrayList<>();
    for (EventCount n : store.eventCounts(r.from(), r.to())) {
      if (n.code() != null) {
        codes.add(
            new CodeCount(
                n.code().label(), n.code().name(), n.events(), (int) n.meters(), n.latestStart()));
      }
    }
    codes.sort(Comparator.comparing(CodeCount::code));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", r.from());
    out.put("to", r.to());
    out.put("byCode", codes);
    out.put(
        "recent",
        store.recentErrors(r.from(), r.to(), limit).stream()
            .map(MeterOperations.EventView::of)
            .toList());
    return out;
  }
}
