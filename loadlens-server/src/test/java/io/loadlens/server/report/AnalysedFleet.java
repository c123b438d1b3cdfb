package io.loadlens.server.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loadlens.insights.ConsumerInput;
import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.InsightConfig;
import io.loadlens.insights.InsightEngine;
import io.loadlens.insights.fleet.ConsumerProfileSummary;
import io.loadlens.insights.fleet.FleetAnalysis;
import io.loadlens.insights.fleet.FleetConfig;
import io.loadlens.insights.fleet.FleetGrid;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A small fleet with real insight documents: {@link SampleData}'s meters, analysed by the insights
 * engine and the fleet analysis over their whole period and stored as the pipeline stores them
 * (consumer documents of kind {@code consumer}, the fleet document as {@code fleet/fleet}).
 */
record AnalysedFleet(
    InMemoryStore store, List<ConsumerInsights> consumers, FleetInsights fleet, ZoneId zone) {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static AnalysedFleet of(int meters, int days) {
    InMemoryStore store = new InMemoryStore();
    List<MeterId> ids = SampleData.fill(store, meters, days);
    Instant from = SampleData.START;
    Instant to = from.plusSeconds(days * 86_400L);
    FleetGrid grid =
        new FleetGrid(from.getEpochSecond(), SampleData.STEP, days * 86_400 / SampleData.STEP);
    ZoneId zone = store.meter(ids.get(0)).orElseThrow().zone();
    List<ConsumerInsights> insights = new ArrayList<>();
    List<ConsumerProfileSummary> profiles = new ArrayList<>();
    for (MeterId id : ids) {
      MeterInfo m = store.meter(id).orElseThrow();
      ValidatedSeries v = store.readValidated(id, SampleData.OBIS, from, to).orElseThrow();
      ConsumerInsights c =
          InsightEngine.analyse(ConsumerInput.of(v, zone), InsightConfig.defaults());
      insights.add(c);
      profiles.add(ConsumerProfileSummary.of(v, c, m.feeder(), grid));
      store.putInsight(id.value(), ReportSource.CONSUMER_KIND, write(c), to);
    }
    FleetInsights fleet = FleetAnalysis.analyse(profiles, FleetConfig.defaults(grid, zone));
    store.putInsight("fleet", "fleet", write(fleet), to);
    return new AnalysedFleet(store, insights, fleet, zone);
  }

  static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
