package io.loadlens.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfTextTest {

  static final PDFont HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  @Test
  void charactersTheStandardFontCannotShowBecomeQuestionMarks() {
    assertThat(PdfText.printable(HELVETICA, "22 °C – 3 € → 5 ≥ 4 Zählerstand"))
        .isEqualTo("22 °C – 3 € ? 5 ? 4 Zählerstand");
    assertThat(PdfText.printable(HELVETICA, "a\tb")).isEqualTo("a b");
  }

  @Test
  void wrapsAtSpacesWithinTheWidth() {
    String s = "Segment 'evening peakers': 2 consumers, peak at 21:00, 3657 kWh/year";
    var lines = PdfText.wrap(HELVETICA, 9, s, 120);
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(String.join(" ", lines)).isEqualTo(s);
    for (String line : lines) {
      assertThat(PdfText.width(HELVETICA, 9, line)).isLessThanOrEqualTo(120);
    }
  }

  @Test
  void aWordWiderThanTheLineStaysWhole() {
    assertThat(PdfText.wrap(HELVETICA, 9, "MTR000000000000000000000001 x", 20))
        .containsExactly("MTR000000000000000000000001", "x");
  }
}
