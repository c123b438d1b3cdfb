package io.loadlens.server.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text as real PDF text in the standard Helvetica fonts (no font embedded): measuring, wrapping,
 * and drawing left, right or centred. Characters the fonts' encoding (WinAnsi) cannot show become
 * {@code ?} rather than failing the report.
 */
final class PdfText {

  static final Color INK = new Color(0x22, 0x2a, 0x33);
  static final Color MUTED = new Color(0x5f, 0x6b, 0x78);

  /** Horizontal alignment relative to the x given. */
  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  private PdfText() {}

  /** {@code s} with every character the font cannot encode replaced by {@code ?}. */
  static String printable(PDFont font, String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              String c = new String(Character.toChars(cp));
              try {
                font.encode(c);
                out.append(c);
              } catch (IOException | IllegalArgumentException e) {
                out.append(Character.isWhitespace(cp) ? " " : "?");
              }
            });
    return out.toString();
  }

  static float width(PDFont font, float size, String s) {
    try {
      return font.getStringWidth(printable(font, s)) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void draw(
      PDPageContentStream cs,
      PDFont font,
      float size,
      Color color,
      float x,
      float y,
      Align align,
      String s) {
    String text = printable(font, s);
    float w = width(font, size, text);
    float left =
        switch (align) {
          case LEFT -> x;
          case CENTER -> x - w / 2;
          case RIGHT -> x - w;
        };
    try {
      cs.beginText();
      cs.setFont(font, size);
      cs.setNonStrokingColor(color);
      cs.newLineAtOffset(left, y);
      cs.showText(text);
      cs.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code s} broken into lines no wider than {@code maxWidth}, at spaces where possible. */
  static List<String> wrap(PDFont font, float size, String s, float maxWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : s.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, size, candidate) <= maxWidth || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
