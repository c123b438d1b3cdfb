package io.loadlens.server.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loadlens.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Writes the fleet report as a PDF drawn with Apache PDFBox: real text in the standard Helvetica
 * fonts and charts as vector graphics, no browser involved. It shows what the HTML fleet report
 * shows, fetched through the same operations ({@code fleet.overview}, {@code fleet.aggregate},
 * {@code fleet.insights}), over the period the fleet insights were computed for, plus the
 * consumers' insight documents for the top-consumer table and the appliance and anomaly counts.
 * Times are shown in the fleet's time zone (the zone most meters are in). A store without data
 * gives a one-page PDF that says so.
 */
public final class PdfReportWriter {

  /** How many consumers the top-consumer table lists by default. */
  public static final int TOP_CONSUMERS = 20;

  private final Clock clock;
  private final ReportSource source;
  private final int topConsumers;

  public PdfReportWriter(Store store, Clock clock) {
    this(store, clock, TOP_CONSUMERS);
  }

  /**
   * @param topConsumers how many consumers the top-consumer table lists (1..1000)
   */
  public PdfReportWriter(Store store, Clock clock, int topConsumers) {
    if (topConsumers < 1 || topConsumers > 1000) {
      throw new IllegalArgumentException("topConsumers must be 1..1000, got " + topConsumers);
    }
    this.clock = clock;
    this.topConsumers = topConsumers;
    this.source =
        new ReportSource(store, new ObjectMapper().registerModule(new JavaTimeModule()), clock);
  }

  /** Writes the fleet report to the file {@code pdf} (parent folders created); returns it. */
  public Path writeFleet(Path pdf) {
    FleetReport report = read();
    try (PdfPages pages = new PdfPages(FleetPdfRenderer.TITLE, report.generated())) {
      new FleetPdfRenderer(pages, new ReportFormat(report.zone())).render(report);
      pages.save(pdf);
    }
    return pdf;
  }

  private FleetReport read() {
    Optional<FleetReportReader.Period> period =
        FleetReportReader.analysedPeriod(source.fleetInsights(new ArrayList<>()));
    ReportSource.Fleet fleet =
        source.fleet(
            period.map(FleetReportReader.Period::from), period.map(FleetReportReader.Period::to));
    return FleetReportReader.read(
        fleet, source.consumers(), source.rawRows(), clock.instant(), topConsumers);
  }
}
