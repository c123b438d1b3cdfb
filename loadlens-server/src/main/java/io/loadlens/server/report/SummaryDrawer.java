package io.loadlens.server.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The title page's summary: figures as cards in a grid (label, value, a line of detail), then the
 * detected appliances and the fleet headline as text.
 */
final class SummaryDrawer {

  /** One figure: its label, its value, and a line of detail (may be empty). */
  record Card(String label, String value, String detail) {}

  static final Color CARD = new Color(0xf3, 0xf6, 0xf9);
  static final Color ACCENT = new Color(0x1d, 0x5f, 0xa8);

  private static final int PER_ROW = 3;
  private static final float HEIGHT = 54;
  private static final float GAP = 8;

  private final PdfPages pages;
  private final ReportFormat format;

  SummaryDrawer(PdfPages pages, ReportFormat format) {
    this.pages = pages;
    this.format = format;
  }

  void draw(FleetReport r) {
    List<Card> cards = cards(r);
    float w = (pages.width() - GAP * (PER_ROW - 1)) / PER_ROW;
    for (int i = 0; i < cards.size(); i += PER_ROW) {
      float top = pages.take(HEIGHT + GAP);
      for (int j = i; j < Math.min(cards.size(), i + PER_ROW); j++) {
        card(cards.get(j), pages.left() + (j - i) * (w + GAP), top, w);
      }
    }
    pages.skip(4);
    pages.paragraph("Detected appliances: " + appliances(r.summary().appliances()), 9, PdfText.INK);
    for (String h : r.headline()) {
      pages.paragraph("- " + h, 9, PdfText.INK);
    }
  }

  List<Card> cards(FleetReport r) {
    FleetReport.Summary s = r.summary();
    List<Card> out = new ArrayList<>();
    out.add(new Card("Meters", ReportFormat.count(s.meters()), "in the registry"));
    out.add(
        new Card(
            "Meters read", ReportFormat.count(s.metersRead()), "with a capture in the period"));
    out.add(new Card("Rows in raw_data", ReportFormat.count(s.rawRows()), "readings stored"));
    out.add(
        new Card(
            "Fleet peak",
            s.peak().map(p -> ReportFormat.fixed(p.kw(), 1) + " kW").orElse(ReportFormat.UNKNOWN),
            s.peak().map(p -> "at " + format.time(p.at())).orElse("")));
    out.add(
        new Card(
            "Diversity factor",
            s.peak()
                .map(p -> ReportFormat.fixed(p.diversityFactor(), 2))
                .orElse(ReportFormat.UNKNOWN),
            "sum of individual peaks / fleet peak"));
    out.add(
        new Card(
            "Mean completeness",
            ReportFormat.percent(s.completenessMean()),
            "of expected intervals present"));
    out.add(
        new Card(
            "Consumers analysed",
            ReportFormat.count(s.consumersAnalysed()),
            "with insights computed"));
    int detected = s.appliances().values().stream().mapToInt(Integer::intValue).sum();
    out.add(
        new Card(
            "Appliances detected",
            ReportFormat.count(detected),
            s.appliances().size() + (s.appliances().size() == 1 ? " kind" : " kinds")));
    out.add(
        new Card(
            "Anomalies flagged",
            ReportFormat.count(s.anomalies()),
            "across " + s.consumersAnalysed() + " consumers"));
    return out;
  }

  static String appliances(Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(counts)
        .forEach((k, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(n));
    return sb.toString();
  }

  private void card(Card c, float x, float top, float w) {
    PDPageContentStream cs = pages.content();
    try {
      cs.setNonStrokingColor(CARD);
      cs.addRect(x, top - HEIGHT, w, HEIGHT);
      cs.fill();
      cs.setNonStrokingColor(ACCENT);
      cs.addRect(x, top - HEIGHT, 2.5f, HEIGHT);
      cs.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    float tx = x + 10;
    PdfText.draw(cs, pages.regular, 8, PdfText.MUTED, tx, top - 13, PdfText.Align.LEFT, c.label());
    PdfText.draw(cs, pages.bold, 16, PdfText.INK, tx, top - 32, PdfText.Align.LEFT, c.value());
    PdfText.draw(
        cs, pages.regular, 7.5f, PdfText.MUTED, tx, top - 46, PdfText.Align.LEFT, c.detail());
  }
}
