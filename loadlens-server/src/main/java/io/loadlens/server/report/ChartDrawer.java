package io.loadlens.server.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws line charts as PDF vector graphics: a frame, grid lines at the y ticks, labelled ticks on
 * both axes, axis titles, one polyline per series (broken where a value is missing), a legend and
 * an optional marked point. Series longer than the plot is wide are drawn as their minimum and
 * maximum per horizontal point, which looks the same and keeps the file small.
 */
final class ChartDrawer {

  /** Where a chart goes: {@code (x, y)} is its lower left corner. */
  record Box(float x, float y, float w, float h) {}

  /** One line: {@code y[i]} at {@code x[i]}; NaN leaves a gap. */
  record Series(String label, Color color, double[] x, double[] y) {
    Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "series " + label + ": " + x.length + " x values but " + y.length + " y values");
      }
    }
  }

  /** A point marked with a dot and a label (e.g. the coincident peak). */
  record Marker(double x, double y, String label, Color color) {}

  static final Color GRID = new Color(0xe3, 0xe7, 0xec);
  static final Color AXIS = new Color(0x9a, 0xa4, 0xaf);

  private final PDFont font;
  private final float size;

  /**
   * @param font the font of tick labels, titles and the legend
   * @param size its size in points (7–8 for full charts, 6 for small multiples)
   */
  ChartDrawer(PDFont font, float size) {
    this.font = font;
    this.size = size;
  }

  void draw(
      PDPageContentStream cs,
      Box box,
      Ticks.Axis x,
      Ticks.Axis y,
      List<Series> series,
      Optional<Marker> marker) {
    try {
      float labelW = 0;
      for (Ticks.Tick t : y.ticks()) {
        labelW = Math.max(labelW, PdfText.width(font, size, t.label()));
      }
      float left = box.x() + labelW + 4 + (y.title().isEmpty() ? 0 : size + 6);
      float bottom = box.y() + size + 6 + (x.title().isEmpty() ? 0 : size + 5);
      boolean legend = series.size() > 1;
      float top = box.y() + box.h() - (legend ? size + 8 : size / 2);
      float right = box.x() + box.w() - 4;
      Plot p = new Plot(left, bottom, right - left, top - bottom, x, y);
      grid(cs, p, x, y);
      for (Series s : series) {
        line(cs, p, s);
      }
      if (marker.isPresent()) {
        mark(cs, p, marker.get());
      }
      titles(cs, box, p, x, y);
      if (legend) {
        legend(cs, box, series);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plot area and the mapping from data to page coordinates. */
  private record Plot(float x, float y, float w, float h, Ticks.Axis ax, Ticks.Axis ay) {
    float px(double v) {
      return (float) (x + (v - ax.min()) / (ax.max() - ax.min()) * w);
    }

    float py(double v) {
      return (float) (y + (v - ay.min()) / (ay.max() - ay.min()) * h);
    }
  }

  private void grid(PDPageContentStream cs, Plot p, Ticks.Axis x, Ticks.Axis y) throws IOException {
    cs.setLineWidth(0.4f);
    cs.setStrokingColor(GRID);
    for (Ticks.Tick t : y.ticks()) {
      cs.moveTo(p.x(), p.py(t.value()));
      cs.lineTo(p.x() + p.w(), p.py(t.value()));
    }
    cs.stroke();
    cs.setStrokingColor(AXIS);
    cs.setLineWidth(0.6f);
    cs.addRect(p.x(), p.y(), p.w(), p.h());
    for (Ticks.Tick t : x.ticks()) {
      cs.moveTo(p.px(t.value()), p.y());
      cs.lineTo(p.px(t.value()), p.y() - 3);
    }
    cs.stroke();
    for (Ticks.Tick t : y.ticks()) {
      PdfText.draw(
          cs,
          font,
          size,
          PdfText.MUTED,
          p.x() - 3,
          p.py(t.value()) - size / 3,
          PdfText.Align.RIGHT,
          t.label());
    }
    float lastRight = Float.NEGATIVE_INFINITY;
    for (Ticks.Tick t : x.ticks()) {
      float w = PdfText.width(font, size, t.label());
      float cx = p.px(t.value());
      if (cx - w / 2 > lastRight + 2) {
        PdfText.draw(
            cs, font, size, PdfText.MUTED, cx, p.y() - size - 3, PdfText.Align.CENTER, t.label());
        lastRight = cx + w / 2;
      }
    }
  }

  private void line(PDPageContentStream cs, Plot p, Series s) throws IOException {
    cs.setStrokingColor(s.color());
    cs.setLineWidth(s.x().length > p.w() ? 0.5f : 1.1f);
    double[][] xy = envelope(s.x(), s.y(), (int) Math.max(1, p.w() * 2));
    boolean down = false;
    for (int i = 0; i < xy[0].length; i++) {
      double v = xy[1][i];
      if (Double.isNaN(v)) {
        down = false;
        continue;
      }
      float px = p.px(xy[0][i]);
      float py = p.py(Math.max(p.ay().min(), Math.min(p.ay().max(), v)));
      if (down) {
        cs.lineTo(px, py);
      } else {
        cs.moveTo(px, py);
        down = true;
      }
    }
    cs.stroke();
  }

  /**
   * The series reduced to its minimum and maximum in each of {@code columns} equal slices of its x
   * range (in the order they occur), when it has more points than that; else as it is.
   */
  static double[][] envelope(double[] x, double[] y, int columns) {
    if (x.length <= 2L * columns) {
      return new double[][] {x, y};
    }
    double lo = x[0];
    double span = Math.max(1e-12, x[x.length - 1] - lo);
    double[] ox = new double[2 * columns + 2];
    double[] oy = new double[ox.length];
    int n = 0;
    int i = 0;
    for (int c = 0; c < columns && i < x.length; c++) {
      double end = lo + span * (c + 1) / columns;
      int min = -1;
      int max = -1;
      boolean gap = false;
      for (; i < x.length && (x[i] < end || c == columns - 1); i++) {
        if (Double.isNaN(y[i])) {
          gap = true;
        } else {
          min = min < 0 || y[i] < y[min] ? i : min;
          max = max < 0 || y[i] > y[max] ? i : max;
        }
      }
      if (min < 0) {
        if (gap) {
          ox[n] = lo + span * c / columns;
          oy[n++] = Double.NaN;
        }
        continue;
      }
      int a = Math.min(min, max);
      int b = Math.max(min, max);
      ox[n] = x[a];
      oy[n++] = y[a];
      if (b != a) {
        ox[n] = x[b];
        oy[n++] = y[b];
      }
    }
    return new double[][] {Arrays.copyOf(ox, n), Arrays.copyOf(oy, n)};
  }

  private void mark(PDPageContentStream cs, Plot p, Marker m) throws IOException {
    float cx = p.px(m.x());
    float cy = p.py(m.y());
    float r = 2.6f;
    float k = 0.552f * r;
    cs.setNonStrokingColor(m.color());
    cs.moveTo(cx + r, cy);
    cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    cs.fill();
    float w = PdfText.width(font, size, m.label());
    boolean leftOf = cx + 5 + w > p.x() + p.w();
    PdfText.draw(
        cs,
        font,
        size,
        m.color(),
        leftOf ? cx - 5 : cx + 5,
        Math.min(cy + 2, p.y() + p.h() - size),
        leftOf ? PdfText.Align.RIGHT : PdfText.Align.LEFT,
        m.label());
  }

  private void titles(PDPageContentStream cs, Box box, Plot p, Ticks.Axis x, Ticks.Axis y)
      throws IOException {
    if (!x.title().isEmpty()) {
      PdfText.draw(
          cs,
          font,
          size,
          PdfText.MUTED,
          p.x() + p.w() / 2,
          box.y() + 1,
          PdfText.Align.CENTER,
          x.title());
    }
    if (!y.title().isEmpty()) {
      String t = PdfText.printable(font, y.title());
      float w = PdfText.width(font, size, t);
      cs.beginText();
      cs.setFont(font, size);
      cs.setNonStrokingColor(PdfText.MUTED);
      cs.setTextMatrix(
          Matrix.getRotateInstance(Math.PI / 2, box.x() + size, p.y() + p.h() / 2 - w / 2));
      cs.showText(t);
      cs.endText();
    }
  }

  private void legend(PDPageContentStream cs, Box box, List<Series> series) throws IOException {
    float x = box.x() + box.w() - 4;
    float y = box.y() + box.h() - size;
    for (int i = series.size() - 1; i >= 0; i--) {
      Series s = series.get(i);
      float w = PdfText.width(font, size, s.label());
      PdfText.draw(cs, font, size, PdfText.INK, x, y, PdfText.Align.RIGHT, s.label());
      x -= w + 4;
      cs.setStrokingColor(s.color());
      cs.setLineWidth(1.6f);
      cs.moveTo(x - 12, y + size / 3);
      cs.lineTo(x, y + size / 3);
      cs.stroke();
      x -= 22;
    }
  }
}
