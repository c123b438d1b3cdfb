package io.loadlens.server.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lays a {@link FleetReport} out on pages: the title page (summary figures and the fleet load
 * curve), the average day, the segments, the top consumers, and the failures by code.
 */
final class FleetPdfRenderer {

  static final String TITLE = "loadlens fleet report";

  static final Color LOAD = new Color(0x1d, 0x5f, 0xa8);
  static final Color WEEKEND = new Color(0xe7, 0x6f, 0x51);
  static final Color PEAK = new Color(0xc2, 0x2f, 0x1f);

  private final PdfPages pages;
  private final ReportFormat format;
  private final ChartDrawer charts;
  private final ChartDrawer smallCharts;

  FleetPdfRenderer(PdfPages pages, ReportFormat format) {
    this.pages = pages;
    this.format = format;
    this.charts = new ChartDrawer(pages.regular, 7.5f);
    this.smallCharts = new ChartDrawer(pages.regular, 6);
  }

  void render(FleetReport r) {
    title(r);
    if (!r.hasData()) {
      pages.skip(12);
      pages.paragraph(
          "There is no data in this store: no meters, no readings and no insights were found."
              + " Collect readings and run VEE and insights, then write the report again.",
          11,
          PdfText.INK);
      notes(r.notes());
      return;
    }
    new SummaryDrawer(pages, format).draw(r);
    loadCurve(r);
    pages.newPage();
    dailyShapes(r);
    segments(r.segments());
    topConsumers(r.topConsumers());
    failures(r.failuresByCode());
    notes(r.notes());
  }

  private void title(FleetReport r) {
    float top = pages.take(52);
    PdfText.draw(
        pages.content(),
        pages.bold,
        22,
        PdfText.INK,
        pages.left(),
        top - 22,
        PdfText.Align.LEFT,
        TITLE);
    FleetReport.Summary s = r.summary();
    String period =
        r.hasData()
            ? "Period "
                + format.time(s.from())
                + " to "
                + format.time(s.to())
                + " ("
                + format.zone().getId()
                + ")   "
            : "";
    PdfText.draw(
        pages.content(),
        pages.regular,
        9,
        PdfText.MUTED,
        pages.left(),
        top - 40,
        PdfText.Align.LEFT,
        period + "generated " + format.timeWithOffset(r.generated()));
  }

  private void loadCurve(FleetReport r) {
    FleetReport.Curve c = r.load();
    pages.heading("Fleet load curve", 250);
    if (c.size() == 0) {
      pages.paragraph("No fleet load in the period.", 9, PdfText.MUTED);
      return;
    }
    double[] x = new double[c.size()];
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = c.epochSeconds()[i];
      max = Double.isNaN(c.kw()[i]) ? max : Math.max(max, c.kw()[i]);
    }
    long end = c.epochSeconds()[c.size() - 1] + c.stepSeconds();
    Ticks.Axis ax =
        Ticks.time(
            "local time ("
                + format.zone().getId()
                + "), mean demand per "
                + c.stepSeconds() / 60
                + " min",
            c.epochSeconds()[0],
            end,
            format.zone(),
            12);
    Ticks.Axis ay = Ticks.numeric("demand (kW)", 0, max * 1.08, 6, v -> ReportFormat.fixed(v, 0));
    Optional<ChartDrawer.Marker> marker =
        r.summary()
            .peak()
            .flatMap(
                p ->
                    p.at()
                        .map(
                            t ->
                                new ChartDrawer.Marker(
                                    t.getEpochSecond(),
                                    p.kw(),
                                    "peak "
                                        + ReportFormat.fixed(p.kw(), 1)
                                        + " kW, "
                                        + format.time(t),
                                    PEAK)));
    float top = pages.take(240);
    charts.draw(
        pages.content(),
        new ChartDrawer.Box(pages.left(), top - 240, pages.width(), 236),
        ax,
        ay,
        List.of(new ChartDrawer.Series("fleet", LOAD, x, c.kw())),
        marker);
  }

  private void dailyShapes(FleetReport r) {
    FleetReport.DailyShapes d = r.daily();
    pages.heading("Average day: weekdays and weekends", 200);
    double max = 0;
    for (int h = 0; h < 24; h++) {
      max = Math.max(max, Double.isNaN(d.weekdayKw()[h]) ? 0 : d.weekdayKw()[h]);
      max = Math.max(max, Double.isNaN(d.weekendKw()[h]) ? 0 : d.weekendKw()[h]);
    }
    double[] x = new double[24];
    for (int h = 0; h < 24; h++) {
      x[h] = h + 0.5;
    }
    Ticks.Axis ay =
        Ticks.numeric("mean demand (kW)", 0, max * 1.08, 5, v -> ReportFormat.fixed(v, 0));
    float top = pages.take(200);
    charts.draw(
        pages.content(),
        new ChartDrawer.Box(pages.left(), top - 196, pages.width(), 192),
        Ticks.hoursOfDay("local hour (" + format.zone().getId() + ")", 3),
        ay,
        List.of(
            new ChartDrawer.Series("weekdays (" + d.weekdays() + ")", LOAD, x, d.weekdayKw()),
            new ChartDrawer.Series(
                "weekends (" + d.weekendDays() + ")", WEEKEND, x, d.weekendKw())),
        Optional.empty());
  }

  private void segments(List<FleetReport.SegmentRow> segments) {
    pages.heading("Segments", 60);
    if (segments.isEmpty()) {
      pages.paragraph("No segmentation computed yet.", 9, PdfText.MUTED);
      return;
    }
    int total = segments.stream().mapToInt(FleetReport.SegmentRow::size).sum();
    List<List<String>> rows = new ArrayList<>();
    for (FleetReport.SegmentRow s : segments) {
      rows.add(
          List.of(
              s.label(),
              ReportFormat.count(s.size()),
              ReportFormat.percent(total == 0 ? Double.NaN : (double) s.size() / total),
              s.peakHour() < 0 ? ReportFormat.UNKNOWN : String.format("%02d:00", s.peakHour()),
              ReportFormat.fixed(s.meanAnnualKwh(), 0)));
    }
    new TableDrawer(pages)
        .draw(
            List.of(
                new TableDrawer.Column("segment", 4, false),
                new TableDrawer.Column("consumers", 1.2f, true),
                new TableDrawer.Column("share", 1, true),
                new TableDrawer.Column("peak hour", 1.2f, true),
                new TableDrawer.Column("mean annual kWh", 1.6f, true)),
            rows);
    segmentShapes(segments);
  }

  /** Each segment's centroid day shape as a small chart, three to a row. */
  private void segmentShapes(List<FleetReport.SegmentRow> segments) {
    List<FleetReport.SegmentRow> shaped =
        segments.stream().filter(s -> s.shape().length == 24).toList();
    if (shaped.isEmpty()) {
      return;
    }
    pages.skip(8);
    pages.paragraph(
        "Segment day shapes: mean normalised demand per local hour (1 = the day's mean)",
        8.5f,
        PdfText.MUTED);
    double max = 0;
    for (FleetReport.SegmentRow s : shaped) {
      for (double v : s.shape()) {
        max = Double.isNaN(v) ? max : Math.max(max, v);
      }
    }
    Ticks.Axis ay = Ticks.numeric("", 0, max, 3, v -> ReportFormat.fixed(v, 1));
    Ticks.Axis ax = Ticks.hoursOfDay("", 6);
    double[] x = new double[24];
    for (int h = 0; h < 24; h++) {
      x[h] = h + 0.5;
    }
    float gap = 10;
    float w = (pages.width() - 2 * gap) / 3;
    float h = 92;
    for (int i = 0; i < shaped.size(); i += 3) {
      float top = pages.take(h + 14);
      for (int j = i; j < Math.min(shaped.size(), i + 3); j++) {
        FleetReport.SegmentRow s = shaped.get(j);
        float left = pages.left() + (j - i) * (w + gap);
        PdfText.draw(
            pages.content(),
            pages.bold,
            7.5f,
            PdfText.INK,
            left,
            top - 8,
            PdfText.Align.LEFT,
            s.label() + " (" + s.size() + ")");
        smallCharts.draw(
            pages.content(),
            new ChartDrawer.Box(left, top - h - 12, w, h),
            ax,
            ay,
            List.of(new ChartDrawer.Series(s.label(), LOAD, x, s.shape())),
            Optional.empty());
      }
    }
  }

  private void topConsumers(List<FleetReport.ConsumerRow> top) {
    pages.skip(6);
    pages.heading("Top " + top.size() + " consumers by peak demand", 60);
    if (top.isEmpty()) {
      pages.paragraph("No consumer insights computed yet.", 9, PdfText.MUTED);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    int rank = 1;
    for (FleetReport.ConsumerRow c : top) {
      rows.add(
          List.of(
              Integer.toString(rank++),
              c.meter(),
              ReportFormat.fixed(c.peakKw(), 2),
              format.time(c.peakAt()),
              ReportFormat.fixed(c.baseLoadW(), 0),
              ReportFormat.fixed(c.loadFactor(), 2),
              ReportFormat.fixed(c.annualKwh(), 0)));
    }
    new TableDrawer(pages)
        .draw(
            List.of(
                new TableDrawer.Column("#", 0.5f, true),
                new TableDrawer.Column("meter", 2.2f, false),
                new TableDrawer.Column("peak kW", 1.2f, true),
                new TableDrawer.Column("peak at (local)", 2.4f, false),
                new TableDrawer.Column("base load W", 1.4f, true),
                new TableDrawer.Column("load factor", 1.3f, true),
                new TableDrawer.Column("annual kWh", 1.4f, true)),
            rows);
  }

  private void failures(Map<String, Long> failures) {
    pages.skip(6);
    pages.heading("Collector failures and events by code", 40);
    if (failures.isEmpty()) {
      pages.paragraph("None in the period.", 9, PdfText.MUTED);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    new TreeMap<>(failures).forEach((k, n) -> rows.add(List.of(k, ReportFormat.count(n))));
    new TableDrawer(pages)
        .draw(
            List.of(
                new TableDrawer.Column("code", 5, false), new TableDrawer.Column("count", 1, true)),
            rows);
  }

  private void notes(List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    pages.skip(6);
    pages.heading("Notes", 20);
    for (String n : notes) {
      pages.paragraph("- " + n, 8.5f, PdfText.MUTED);
    }
  }
}
