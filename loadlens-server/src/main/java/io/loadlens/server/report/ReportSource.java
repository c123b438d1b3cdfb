package io.loadlens.server.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.api.Args;
import io.loadlens.server.api.Call;
import io.loadlens.server.api.CollectorOperations;
import io.loadlens.server.api.FleetOperations;
import io.loadlens.server.api.MeterOperations;
import io.loadlens.server.api.Operation;
import io.loadlens.server.api.Page;
import io.loadlens.server.auth.Principal;
import io.loadlens.server.auth.Role;
import io.loadlens.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What reports show, fetched through the same operations the API serves (so a report shows what the
 * dashboard shows). Shared by the HTML and the PDF report.
 */
final class ReportSource {

  private static final Principal SYSTEM = new Principal("report", Role.ADMIN, Set.of());

  /** The insight kind under which each consumer's insights are stored. */
  static final String CONSUMER_KIND = "consumer";

  /**
   * The fleet part of a report: the {@code fleet.overview} and {@code fleet.aggregate} answers over
   * one period, and the fleet insight documents.
   *
   * @param notes what could not be read (e.g. a fleet document holding invalid JSON)
   */
  record Fleet(
      Map<String, Object> overview,
      Map<String, Object> aggregate,
      List<MeterOperations.InsightView> insights,
      List<String> notes) {}

  /**
   * Every consumer's insight document and the meter registry.
   *
   * @param notes what could not be read
   */
  record Consumers(
      List<MeterOperations.MeterView> meters,
      List<MeterOperations.InsightView> documents,
      List<String> notes) {}

  private final Map<String, Operation> ops = new HashMap<>();

  ReportSource(Store store, ObjectMapper json, Clock clock) {
    MeterOperations meters = new MeterOperations(store, json, clock);
    List<Operation> all = new ArrayList<>(meters.operations());
    all.addAll(new FleetOperations(store, clock, meters).operations());
    all.addAll(new CollectorOperations(store, clock).operations());
    all.forEach(o -> ops.put(o.name(), o));
  }

  Object run(String op, Map<String, String> args) {
    return ops.get(op).handler().handle(new Call(SYSTEM, Args.of(args), "report"));
  }

  /**
   * The fleet's overview and aggregate over {@code [from, to)}, or over the operations' default
   * period (the 7 days up to the latest capture) when not given.
   */
  @SuppressWarnings("unchecked")
  Fleet fleet(Optional<Instant> from, Optional<Instant> to) {
    Map<String, String> range = new HashMap<>();
    from.ifPresent(t -> range.put("from", t.toString()));
    to.ifPresent(t -> range.put("to", t.toString()));
    Map<String, Object> overview = (Map<String, Object>) run("fleet.overview", range);
    Map<String, Object> aggregate =
        (Map<String, Object>)
            run(
                "fleet.aggregate",
                Map.of(
                    "from", overview.get("from").toString(), "to", overview.get("to").toString()));
    List<String> notes = new ArrayList<>();
    return new Fleet(overview, aggregate, fleetInsights(notes), notes);
  }

  /** The fleet insight documents; none (and a note) when one of them cannot be read. */
  List<MeterOperations.InsightView> fleetInsights(List<String> notes) {
    try {
      @SuppressWarnings("unchecked")
      List<MeterOperations.InsightView> docs =
          (List<MeterOperations.InsightView>) run("fleet.insights", Map.of());
      return docs;
    } catch (IllegalStateException e) {
      notes.add("fleet insights not shown: " + e.getMessage());
      return List.of();
    }
  }

  /** Every meter of the registry and, where stored, its consumer insight document. */
  Consumers consumers() {
    List<MeterOperations.MeterView> meters = new ArrayList<>();
    int offset = 0;
    while (true) {
      Page<?> page =
          (Page<?>) run("meters.list", Map.of("offset", Integer.toString(offset), "limit", "1000"));
      page.items().forEach(m -> meters.add((MeterOperations.MeterView) m));
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    List<MeterOperations.InsightView> docs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (MeterOperations.MeterView m : meters) {
      try {
        docs.add(
            (MeterOperations.InsightView)
                run("insights.get", Map.of("meter", m.id(), "kind", CONSUMER_KIND)));
      } catch (ApiException e) {
        // no insights computed for this meter (yet): it is left out of the consumer tables
      } catch (IllegalStateException e) {
        notes.add(e.getMessage());
      }
    }
    return new Consumers(meters, docs, notes);
  }

  /** The number of rows in {@code raw_data}, as the collector status reports it. */
  long rawRows() {
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) run("collector.status", Map.of());
    return ((Number) status.get("rawRows")).longValue();
  }

  /** The HTML report's fleet payload: overview, aggregate, insights. */
  static Map<String, Object> payload(Fleet fleet) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", "fleet");
    data.put("overview", fleet.overview());
    data.put("aggregate", fleet.aggregate());
    data.put("insights", fleet.insights());
    return data;
  }
}
