package io.loadlens.server.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The page layout of a PDF report: A4 portrait pages with margins, a cursor that flows blocks down
 * the page and starts a new page when a block does not fit, and a footer with the report's title
 * and "page i of n" added to every page when the document is saved.
 */
final class PdfPages implements AutoCloseable {

  static final PDRectangle SIZE = PDRectangle.A4;
  static final float MARGIN = 48;
  private static final float FOOTER = 28;

  final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private final PDDocument doc = new PDDocument();
  private final String footer;
  private PDPageContentStream cs;
  private float y;

  PdfPages(String title, Instant created) {
    this.footer = title;
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("loadlens");
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(created.toEpochMilli());
    info.setCreationDate(c);
    newPage();
  }

  /** The content stream of the current page. */
  PDPageContentStream content() {
    return cs;
  }

  float left() {
    return MARGIN;
  }

  float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  /** The cursor: the top of the next block. */
  float y() {
    return y;
  }

  int pageCount() {
    return doc.getNumberOfPages();
  }

  /** Ends the current page and starts a new one, the cursor at its top. */
  void newPage() {
    closeStream();
    PDPage page = new PDPage(SIZE);
    doc.addPage(page);
    try {
      cs = new PDPageContentStream(doc, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = SIZE.getHeight() - MARGIN;
  }

  /**
   * Reserves {@code height} points for a block (on a new page when it does not fit on this one) and
   * returns the top of the block; the cursor moves below it.
   */
  float take(float height) {
    if (y - height < MARGIN + FOOTER && y < SIZE.getHeight() - MARGIN) {
      newPage();
    }
    float top = y;
    y -= height;
    return top;
  }

  /** Moves the cursor down by {@code gap} points. */
  void skip(float gap) {
    y -= gap;
  }

  /** A section heading, kept on the page of the {@code following} points of content after it. */
  void heading(String text, float following) {
    float top = take(26 + following);
    y = top - 26;
    PdfText.draw(cs, bold, 13, PdfText.INK, left(), top - 16, PdfText.Align.LEFT, text);
    rule(top - 21, new Color(0xd0, 0xd6, 0xdd));
  }

  /** Wrapped text at the cursor. */
  void paragraph(String text, float size, Color color) {
    for (String line : PdfText.wrap(regular, size, text, width())) {
      float top = take(size * 1.4f);
      PdfText.draw(cs, regular, size, color, left(), top - size, PdfText.Align.LEFT, line);
    }
  }

  private void rule(float at, Color color) {
    try {
      cs.setStrokingColor(color);
      cs.setLineWidth(0.6f);
      cs.moveTo(left(), at);
      cs.lineTo(left() + width(), at);
      cs.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the footers and writes the document to {@code out}. */
  void save(Path out) {
    closeStream();
    int n = doc.getNumberOfPages();
    try {
      for (int i = 0; i < n; i++) {
        try (PDPageContentStream f =
            new PDPageContentStream(
                doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          float base = MARGIN - 8;
          PdfText.draw(f, regular, 8, PdfText.MUTED, left(), base, PdfText.Align.LEFT, footer);
          PdfText.draw(
              f,
              regular,
              8,
              PdfText.MUTED,
              left() + width(),
              base,
              PdfText.Align.RIGHT,
              "page " + (i + 1) + " of " + n);
        }
      }
      AtomicFile.replace(
          out,
          file -> {
            try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
              doc.save(os);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("PDF report cannot be written to " + out, e);
    }
  }

  private void closeStream() {
    if (cs != null) {
      try {
        cs.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cs = null;
    }
  }

  @Override
  public void close() {
    try {
      closeStream();
    } finally {
      try {
        doc.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
