package io.loadlens.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.server.auth.Role;
import io.loadlens.store.InsightRecord;
import io.loadlens.store.ManualEdit;
import io.loadlens.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Operations on one meter or the meter registry. */
public final class MeterOperations {

  /** The channel used when a call names none: interval active energy import. */
  public static final ObisCode DEFAULT_OBIS = ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL;

  private final Store store;
  private final ObjectMapper json;
  private final Clock clock;
  private final ReadingsQuery readings;
  private final ReadingsCache cache;

  /** How long a readings request reuses a registry entry and a latest capture time. */
  public static final Duration LOOKUP_TTL = Duration.ofSeconds(1);

  private final RecentLookups<MeterId, MeterInfo> recentMeters =
      new RecentLookups<>(LOOKUP_TTL, 100_000, System::nanoTime);
  private final RecentLookups<Channel, Instant> recentCaptures =
      new RecentLookups<>(LOOKUP_TTL, 100_000, System::nanoTime);

  private record Channel(MeterId meter, ObisCode obis) {}

  public MeterOperations(Store store, ObjectMapper json, Clock clock) {
    this(store, json, clock, ReadingsCache.defaults());
  }

  public MeterOperations(Store store, ObjectMapper json, Clock clock, ReadingsCache cache) {
    this.store = store;
    this.json = json;
    this.clock = clock;
    this.readings = new ReadingsQuery(store);
    this.cache = cache;
  }

  /** The cache of encoded readings answers (for metrics). */
  public ReadingsCache readingsCache() {
    return cache;
  }

  /** A registry entry as the API shows it. */
  public record MeterView(
      String id,
      String group,
      String feeder,
      String transformer,
      double capacityKw,
      String zone,
      Map<String, String> attributes) {
    static MeterView of(MeterInfo m) {
      return new MeterView(
          m.id().value(),
          m.group(),
          m.feeder(),
          m.transformer(),
          m.capacityKw(),
          m.zone().getId(),
          m.attributes());
    }
  }

  /** A channel of a meter and its latest capture. */
  public record ChannelView(String obis, Instant lastCapture) {}

  public record MeterDetail(MeterView meter, List<ChannelView> channels) {}

  public List<Operation> operations() {
    return List.of(
        new Operation("meters.list", Role.CONSUMER, false, this::list),
        new Operation("meters.get", Role.CONSUMER, true, this::get),
        new Operation("meters.topology", Role.ANALYST, false, c -> topology()),
        new Operation("readings.get", Role.CONSUMER, true, this::readings),
        new Operation("events.list", Role.CONSUMER, true, this::events),
        new Operation("vee.summary", Role.CONSUMER, true, this::vee),
        new Operation("conflicts.list", Role.ANALYST, true, c -> store.conflicts(meter(c))),
        new Operation("edits.list", Role.CONSUMER, true, c -> store.edits(meter(c))),
        new Operation("edits.create", Role.OPERATOR, true, this::createEdit),
        new Operation("insights.list", Role.CONSUMER, true, this::insights),
        new Operation("insights.get", Role.CONSUMER, true, this::insight),
        new Operation("export.csv", Role.CONSUMER, true, this::export));
  }

  private static MeterId meter(Call c) {
    return Params.meter(c.args());
  }

  private MeterInfo info(MeterId id) {
    return store.meter(id).orElseThrow(() -> ApiException.notFound("meter " + id + " not found"));
  }

  private Object list(Call c) {
    Args a = c.args();
    String q = a.get("q").orElse("").toLowerCase(Locale.ROOT);
    String group = a.get("group").orElse(null);
    String feeder = a.get("feeder").orElse(null);
    String transformer = a.get("transformer").orElse(null);
    int offset = Params.integer(a, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Params.integer(a, "limit", 100, 1, 1000);
    List<MeterView> all =
        store.meters().stream()
            .filter(m -> c.principal().canSee(m.id()))
            .filter(m -> m.id().value().toLowerCase(Locale.ROOT).contains(q))
            .filter(m -> group == null || group.equals(m.group()))
            .filter(m -> feeder == null || feeder.equals(m.feeder()))
            .filter(m -> transformer == null || transformer.equals(m.transformer()))
            .sorted((x, y) -> x.id().compareTo(y.id()))
            .map(MeterView::of)
            .toList();
    return Page.of(all, offset, limit);
  }

  private Object get(Call c) {
    MeterInfo m = info(meter(c));
    List<ChannelView> ch = new ArrayList<>();
    for (ObisCode o : store.channels(m.id())) {
      ch.add(new ChannelView(o.toString(), store.lastCaptureTime(m.id(), o).orElse(null)));
    }
    return new MeterDetail(MeterView.of(m), ch);
  }

  private Object topology() {
    Map<String, Map<String, Map<String, List<String>>>> tree = new TreeMap<>();
    for (MeterInfo m : store.meters()) {
      tree.computeIfAbsent(m.group(), k -> new TreeMap<>())
          .computeIfAbsent(m.feeder(), k -> new TreeMap<>())
          .computeIfAbsent(m.transformer(), k -> new ArrayList<>())
          .add(m.id().value());
    }
    return Map.of("groups", tree);
  }

  /** Default range: the {@code span} up to the channel's latest capture (or now). */
  private Params.Range range(Call c, Optional<Instant> last, Duration span) {
    Instant end = last.map(t -> t.plusSeconds(1)).orElse(clock.instant());
    return Params.range(c.args(), end.minus(span), end);
  }

  private Params.Range range(Call c, MeterId id, ObisCode obis, Duration span) {
    return range(c, store.lastCaptureTime(id, obis), span);
  }

  /**
   * A readings answer, from the cache when the same question was answered recently for the same
   * latest capture time (see {@link ReadingsCache} for the consistency this gives). The registry
   * entry and the latest capture time are themselves reused for {@link #LOOKUP_TTL}: each costs the
   * embedded store 1.5-3 ms of CPU, more than sending a cached answer.
   */
  private ReadingsBody readings(Call c) {
    MeterId id = meter(c);
    MeterInfo m =
        recentMeters
            .get(id, store::meter)
            .orElseThrow(() -> ApiException.notFound("meter " + id + " not found"));
    ObisCode obis = Params.obis(c.args(), DEFAULT_OBIS);
    Optional<Instant> last =
        recentCaptures.get(
            new Channel(m.id(), obis), ch -> store.lastCaptureTime(ch.meter(), ch.obis()));
    Params.Range r = range(c, last, Duration.ofDays(30));
    var source =
        Params.choice(c.args(), "source", ReadingsQuery.Source.class, ReadingsQuery.Source.RAW);
    Duration res = Params.duration(c.args(), "resolution", null);
    var agg = Params.choice(c.args(), "aggregation", ReadingsQuery.Aggregation.class, null);
    if (agg == null) {
      agg = ReadingsQuery.defaultAggregation(obis);
    }
    var aggregation = agg;
    var key =
        new ReadingsCache.Key(
            m.id(), obis, r.from(), r.to(), source, res, agg, m.zone(), last.orElse(null));
    return cache.get(
        key,
        () -> ReadingsBody.of(readings.read(m.id(), obis, r, source, res, aggregation, m.zone())));
  }

  private Object events(Call c) {
    MeterId id = meter(c);
    info(id);
    Instant end = clock.instant().plus(Duration.ofDays(1));
    Params.Range r = Params.range(c.args(), end.minus(Params.MAX_RANGE), end);
    MeterEvent.Kind kind = Params.choice(c.args(), "kind", MeterEvent.Kind.class, null);
    int offset = Params.integer(c.args(), "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Params.integer(c.args(), "limit", 100, 1, 1000);
    Order order = Params.choice(c.args(), "order", Order.class, Order.ASC);
    List<MeterEvent> events = store.events(id, r.from(), r.to());
    List<EventView> all =
        (order == Order.DESC ? events.reversed() : events)
            .stream().filter(e -> kind == null || e.kind() == kind).map(EventView::of).toList();
    return Page.of(all, offset, limit);
  }

  /** The order of a list of events: by start time, oldest ({@code asc}) or newest first. */
  enum Order {
    ASC,
    DESC
  }

  /** An event as the API shows it, with the operator code's label ({@code 0x09}). */
  public record EventView(
      String meter, String kind, Instant start, Instant end, String code, String detail) {
    public static EventView of(MeterEvent e) {
      return new EventView(
          e.meter().value(),
          e.kind().name(),
          e.start(),
          e.end(),
          e.code() == null ? null : e.code().label(),
          e.detail());
    }
  }

  private Object vee(Call c) {
    MeterInfo m = info(meter(c));
    ObisCode obis = Params.obis(c.args(), DEFAULT_OBIS);
    Params.Range r = range(c, m.id(), obis, Duration.ofDays(365));
    var s =
        store
            .readValidated(m.id(), obis, r.from(), r.to())
            .orElseThrow(
                () -> ApiException.notFound("no VEE result for meter " + m.id() + " " + obis));
    Map<String, Integer> byQuality = new LinkedHashMap<>();
    Map<String, Integer> byMethod = new LinkedHashMap<>();
    for (int i = 0; i < s.size(); i++) {
      byQuality.merge(s.quality()[i].name(), 1, Integer::sum);
      if (s.method()[i] != null) {
        byMethod.merge(s.method()[i].name(), 1, Integer::sum);
      }
    }
    int missing = s.count(io.loadlens.model.Quality.MISSING);
    double completeness = s.size() == 0 ? 0 : 1.0 - (double) missing / s.size();
    return Map.of(
        "meter", m.id().value(),
        "obis", obis.toString(),
        "veeVersion", s.veeVersion(),
        "intervalSeconds", s.intervalSeconds(),
        "intervals", s.size(),
        "completeness", completeness,
        "byQuality", byQuality,
        "byMethod", byMethod);
  }

  private Object createEdit(Call c) {
    MeterId id = meter(c);
    info(id);
    ObisCode obis = Params.obis(c.args(), DEFAULT_OBIS);
    Instant ts = Params.instant(Params.required(c.args(), "timestamp"), "timestamp");
    double value = Params.number(c.args(), "value");
    String reason = Params.required(c.args(), "reason");
    if (reason.length() > 500) {
      throw ApiException.badRequest("argument 'reason' is longer than 500 characters");
    }
    ManualEdit edit;
    try {
      edit = new ManualEdit(id, obis, ts, value, c.principal().tokenId(), reason, clock.instant());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    store.recordEdit(edit);
    cache.invalidate(id);
    return new Created(edit);
  }

  /** An insight document with its JSON parsed. */
  public record InsightView(String subject, String kind, Instant computedAt, JsonNode document) {}

  public InsightView view(InsightRecord r) {
    try {
      return new InsightView(r.subject(), r.kind(), r.computedAt(), json.readTree(r.json()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "insight " + r.subject() + "/" + r.kind() + " holds invalid JSON", e);
    }
  }

  private Object insights(Call c) {
    MeterId id = meter(c);
    return store.insights(id.value()).stream().map(this::view).toList();
  }

  private Object insight(Call c) {
    MeterId id = meter(c);
    String kind = Params.required(c.args(), "kind");
    if (!kind.matches("[a-z0-9_-]{1,40}")) {
      throw ApiException.badRequest("argument 'kind': '" + kind + "' is not a valid insight kind");
    }
    return store
        .insight(id.value(), kind)
        .map(this::view)
        .orElseThrow(() -> ApiException.notFound("no insight '" + kind + "' for meter " + id));
  }

  private Object export(Call c) {
    Readings r = readings(c).readings();
    StringBuilder sb = new StringBuilder(r.count() * 40);
    sb.append("timestamp,meter,obis,value,unit,")
        .append(r.quality() != null ? "quality,method" : "status")
        .append('\n');
    for (int i = 0; i < r.count(); i++) {
      sb.append(Instant.ofEpochSecond(r.t()[i]).atOffset(ZoneOffset.UTC)).append(',');
      sb.append(r.meter()).append(',').append(r.obis()).append(',');
      sb.append(Double.isNaN(r.v()[i]) ? "" : Double.toString(r.v()[i]));
      sb.append(',').append(r.unit()).append(',');
      if (r.quality() != null) {
        sb.append(r.quality()[i] == null ? "" : r.quality()[i]).append(',');
        sb.append(r.method()[i] == null ? "" : r.method()[i]);
      } else {
        sb.append(r.status()[i]);
      }
      sb.append('\n');
    }
    return new CsvBody(r.meter() + "-" + r.source() + ".csv", sb.toString());
  }
}
