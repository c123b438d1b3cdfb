package io.loadlens.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.insights.ConsumerInsights;
import io.loadlens.insights.fleet.FleetInsights;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportWriterTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC);
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static AnalysedFleet fleet;

  @BeforeAll
  static void analyse() {
    fleet = AnalysedFleet.of(6, 14);
  }

  @Test
  void fleetReportShowsTheSummaryFiguresOfTheFleetInsights(@TempDir Path dir) throws Exception {
    Path pdf = new PdfReportWriter(fleet.store(), CLOCK).writeFleet(dir.resolve("fleet.pdf"));
    FleetInsights.AggregateLoad agg = fleet.fleet().aggregate();
    String peakAt =
        OffsetDateTime.parse(agg.coincidentPeakAt()).atZoneSameInstant(fleet.zone()).format(LOCAL);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String title = pageText(doc, 1);
      assertThat(title)
          .contains("loadlens fleet report")
          .contains(String.format(Locale.ROOT, "%.1f kW", agg.coincidentPeakKw()))
          .contains("at " + peakAt)
          .contains(String.format(Locale.ROOT, "%.2f", agg.diversityFactor()))
          .contains("Meters\n6\n")
          .contains("Rows in raw_data\n" + String.format(Locale.ROOT, "%,d", 6 * 14 * 96))
          .contains("Europe/Brussels")
          .contains("Period 2024-01-01 01:00 to 2024-01-15 01:00");
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("loadlens fleet report");
    }
  }

  @Test
  void fleetReportListsSegmentsAndTheConsumersWithTheHighestPeak(@TempDir Path dir)
      throws Exception {
    Path pdf = new PdfReportWriter(fleet.store(), CLOCK, 3).writeFleet(dir.resolve("fleet.pdf"));
    String text = text(pdf);
    for (FleetInsights.Segment s : fleet.fleet().segmentation().segments()) {
      assertThat(text).contains(s.label());
    }
    ConsumerInsights top =
        fleet.consumers().stream()
            .max(Comparator.comparingDouble(c -> c.peaks().maxKw()))
            .orElseThrow();
    assertThat(text)
        .contains("Top 3 consumers by peak demand")
        .containsPattern(
            "1 "
                + top.meterId()
                + " "
                + String.format(Locale.ROOT, "%.2f", top.peaks().maxKw())
                + " .* "
                + String.format(Locale.ROOT, "%.0f", top.baseLoad().baseLoadW())
                + " "
                + String.format(Locale.ROOT, "%.2f", top.loadShape().loadFactor()));
    ConsumerInsights lowest =
        fleet.consumers().stream()
            .min(Comparator.comparingDouble(c -> c.peaks().maxKw()))
            .orElseThrow();
    assertThat(text).doesNotContain(lowest.meterId() + " ");
  }

  @Test
  void everyPageIsNumberedAndChartsAreVectorPaths(@TempDir Path dir) throws Exception {
    Path pdf = new PdfReportWriter(fleet.store(), CLOCK).writeFleet(dir.resolve("fleet.pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      int n = doc.getNumberOfPages();
      assertThat(n).isGreaterThanOrEqualTo(2);
      for (int i = 1; i <= n; i++) {
        assertThat(pageText(doc, i)).contains("page " + i + " of " + n);
      }
      assertThat(operators(doc.getPage(0), "l")).isGreaterThan(200);
      assertThat(operators(doc.getPage(1), "l")).isGreaterThan(40);
      assertThat(doc.getPage(0).getResources().getXObjectNames()).isEmpty();
      for (int i = 0; i < n; i++) {
        render(doc, i, "page" + (i + 1) + ".png");
      }
    }
  }

  @Test
  void emptyStoreGivesOnePageSayingThereIsNoData(@TempDir Path dir) throws Exception {
    Path pdf = new PdfReportWriter(new InMemoryStore(), CLOCK).writeFleet(dir.resolve("e.pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(doc))
          .contains("There is no data in this store")
          .contains("page 1 of 1");
      render(doc, 0, "empty.png");
    }
  }

  @Test
  void unreadableInsightDocumentsAreLeftOutAndNamedInTheNotes(@TempDir Path dir) throws Exception {
    InMemoryStore store = new InMemoryStore();
    SampleData.fill(store, 3, 5);
    store.putInsight("fleet", "fleet", "{not json", Instant.EPOCH);
    store.putInsight("MTR0001", "consumer", "{\"peaks\":", Instant.EPOCH);
    store.putInsight(
        "MTR0002",
        "consumer",
        "{\"peaks\":\"high\",\"appliances\":7,\"anomalies\":{}}",
        Instant.EPOCH);
    store.putInsight(
        "MTR0003",
        "consumer",
        "{\"peaks\":{\"maxKw\":\"NaN\",\"maxAt\":\"yesterday\"},\"loadShape\":[1]}",
        Instant.EPOCH);
    String text = text(new PdfReportWriter(store, CLOCK).writeFleet(dir.resolve("m.pdf")));
    assertThat(text)
        .contains("Meters\n3\n")
        .contains("Notes")
        .contains("insight fleet/fleet holds invalid JSON")
        .contains("insight MTR0001/consumer holds invalid JSON")
        .contains("No consumer insights computed yet.")
        .contains("No segmentation computed yet.");
  }

  @Test
  void writesIntoFoldersThatDoNotExistYet(@TempDir Path dir) throws Exception {
    Path pdf = dir.resolve("a/b/report.pdf");
    assertThat(new PdfReportWriter(fleet.store(), CLOCK).writeFleet(pdf)).isEqualTo(pdf);
    assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-");
  }

  /** Renders a page to target/report-pdf/NAME, to look at (docs/img/report-pdf.png is page 1). */
  static void render(PDDocument doc, int page, String name) throws IOException {
    BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 110);
    Path png = Path.of("target", "report-pdf", name);
    Files.createDirectories(png.getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  static String pageText(PDDocument doc, int page) throws IOException {
    PDFTextStripper s = new PDFTextStripper();
    s.setStartPage(page);
    s.setEndPage(page);
    return s.getText(doc);
  }

  static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** How many times the page's content uses the operator {@code name}. */
  static long operators(PDPage page, String name) throws IOException {
    long n = 0;
    for (Object token : new PDFStreamParser(page).parse()) {
      if (token instanceof Operator o && o.getName().equals(name)) {
        n++;
      }
    }
    return n;
  }
}
