package io.loadlens.server.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a table at the cursor of a {@link PdfPages}: a bold header on a tinted band, rows with
 * alternate shading, numbers right-aligned. A row that does not fit starts a new page, and the
 * header is repeated there. Text too wide for its column is cut with an ellipsis.
 */
final class TableDrawer {

  /** A column: its header, its share of the page width, and whether it holds numbers. */
  record Column(String header, float share, boolean numeric) {}

  static final Color HEADER = new Color(0xe9, 0xee, 0xf4);
  static final Color ZEBRA = new Color(0xf6, 0xf8, 0xfa);

  private static final float ROW = 14;
  private static final float SIZE = 8.5f;
  private static final float PAD = 4;

  private final PdfPages pages;

  TableDrawer(PdfPages pages) {
    this.pages = pages;
  }

  void draw(List<Column> columns, List<List<String>> rows) {
    float total = 0;
    for (Column c : columns) {
      total += c.share();
    }
    float[] widths = new float[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = pages.width() * columns.get(i).share() / total;
    }
    float first = pages.take(2 * ROW);
    pages.skip(-ROW);
    header(columns, widths, first);
    for (int r = 0; r < rows.size(); r++) {
      int before = pages.pageCount();
      float top = pages.take(ROW);
      if (pages.pageCount() != before) {
        header(columns, widths, top);
        top = pages.take(ROW);
      }
      row(columns, widths, rows.get(r), top, r % 2 == 1 ? ZEBRA : null, false);
    }
  }

  private void header(List<Column> columns, float[] widths, float top) {
    List<String> names = columns.stream().map(Column::header).toList();
    row(columns, widths, names, top, HEADER, true);
  }

  private void row(
      List<Column> columns,
      float[] widths,
      List<String> cells,
      float top,
      Color fill,
      boolean header) {
    PDPageContentStream cs = pages.content();
    try {
      if (fill != null) {
        cs.setNonStrokingColor(fill);
        cs.addRect(pages.left(), top - ROW, pages.width(), ROW);
        cs.fill();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    float x = pages.left();
    for (int i = 0; i < columns.size(); i++) {
      boolean right = columns.get(i).numeric();
      String text = fit(cells.get(i), widths[i] - 2 * PAD, header);
      PdfText.draw(
          cs,
          header ? pages.bold : pages.regular,
          SIZE,
          PdfText.INK,
          right ? x + widths[i] - PAD : x + PAD,
          top - ROW + 4,
          right ? PdfText.Align.RIGHT : PdfText.Align.LEFT,
          text);
      x += widths[i];
    }
  }

  private String fit(String s, float width, boolean header) {
    var font = header ? pages.bold : pages.regular;
    if (PdfText.width(font, SIZE, s) <= width) {
      return s;
    }
    String cut = s;
    while (!cut.isEmpty() && PdfText.width(font, SIZE, cut + "...") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "...";
  }
}
