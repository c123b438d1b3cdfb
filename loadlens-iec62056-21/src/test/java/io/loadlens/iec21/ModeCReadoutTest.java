package io.loadlens.iec21;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.ObisCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Vectors: C1 weltenwort/py-power-meter-monitor test_iec_62056_21_messages.py (Logarex LK13); C4
 * pwitab/iec62056-21 tests/test_data.py and test_bcc.py.
 */
class ModeCReadoutTest {
  private static final String[] LOGAREX_LINES = {
    "1-0:96.1.0*255(001LOG0065282495)",
    "1-0:1.8.0*255(015882.6927*kWh)",
    "1-0:2.8.0*255(000219.4882*kWh)",
    "1-0:16.7.0*255(000028*W)",
    "1-0:32.7.0*255(235.2*V)",
    "1-0:52.7.0*255(235.8*V)",
    "1-0:72.7.0*255(237.1*V)",
    "1-0:31.7.0*255(000.90*A)",
    "1-0:51.7.0*255(002.28*A)",
    "1-0:71.7.0*255(001.85*A)",
    "1-0:81.7.1*255(117*deg)",
    "1-0:81.7.2*255(242*deg)",
    "1-0:81.7.4*255(032*deg)",
    "1-0:81.7.15*255(051*deg)",
    "1-0:81.7.26*255(073*deg)",
    "1-0:14.7.0*255(49.9*Hz)",
    "1-0:1.8.0*96(00019.3*kWh)",
    "1-0:1.8.0*97(00158.7*kWh)",
    "1-0:1.8.0*98(01074.7*kWh)",
    "1-0:1.8.0*99(09027.4*kWh)",
    "1-0:1.8.0*100(15882.6*kWh)",
    "1-0:0.2.0*255(ver.03,432F,20170504)",
    "1-0:96.90.2*255(0F66)",
    "1-0:97.97.0*255(00000000)"
  };

  private static byte[] logarex(byte bcc) {
    String block = String.join("\r\n", LOGAREX_LINES) + "\r\n!\r\n";
    byte[] text = ("\u0002" + block + "\u0003").getBytes(StandardCharsets.US_ASCII);
    byte[] out = java.util.Arrays.copyOf(text, text.length + 1);
    out[text.length] = bcc;
    return out;
  }

  @Test
  void decodesLogarexReadoutWithStar255Suffixes() {
    ModeCReadout r = ModeCReadout.decode(logarex((byte) 0x67));
    assertThat(r.bcc()).isEqualTo(0x67);
    assertThat(r.dataSets()).hasSize(24);
    DataSet imp = r.dataSets().get(1);
    assertThat(imp.obis()).contains(ObisCode.ACTIVE_ENERGY_IMPORT);
    assertThat(imp.first().number("1.8.0")).isEqualTo(15882.6927);
    assertThat(imp.first().unit()).isEqualTo("kWh");
    assertThat(r.dataSets().get(16).obis()).contains(new ObisCode(1, 0, 1, 8, 0, 96));
    assertThat(r.dataSets().get(4).first().number("32.7.0")).isEqualTo(235.2);
  }

  @Test
  void rejectsLogarexReadoutWithAWrongBcc() {
    assertThatThrownBy(() -> ModeCReadout.decode(logarex((byte) 0x66)))
        .isInstanceOf(Iec21Exception.class)
        .hasMessage("IEC 62056-21 BCC: actual 0x67 != expected 0x66");
  }

  @Test
  void decodesTwoDataSetsOnOneLine() {
    byte[] msg =
        "\u00023:14(314*kWh)4:15(415*kWh)\r\n!\r\n\u0003\"".getBytes(StandardCharsets.US_ASCII);
    ModeCReadout r = ModeCReadout.decode(msg);
    assertThat(r.dataSets()).extracting(DataSet::address).containsExactly("3:14", "4:15");
    assertThat(r.dataSets().get(1).first().value()).isEqualTo("415");
    byte[] bad =
        "\u00023:14(314*kWh)4:15(415*kWh)\r\n!\r\n\u0003x".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ModeCReadout.decode(bad))
        .hasMessageContaining("BCC: actual 0x22 != expected 0x78");
  }

  @Test
  void computesTheBccOfCommandMessages() {
    byte[] password = "\u0001P0\u0002(1234567)\u0003".getBytes(StandardCharsets.US_ASCII);
    assertThat(ModeCReadout.bcc(password, 1, password.length - 1)).isEqualTo('P');
    byte[] brk = "\u0001B0\u0003".getBytes(StandardCharsets.US_ASCII);
    assertThat(ModeCReadout.bcc(brk, 1, brk.length - 1)).isEqualTo('q');
  }

  @Test
  void rejectsTheKamstrupSampleWhoseBccWasEdited() {
    byte[] msg =
        "/KAM MC\r\n\u00020.0(00005077354)\r\n6.8(00433.65*GJ)\r\n6.26(03052.95*m3)\r\n6.31(0109868*h)!\r\n\u0003a"
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ModeCReadout.decode(msg))
        .hasMessage("IEC 62056-21 BCC: actual 0x3D != expected 0x61");
  }

  @Test
  void parsesIdentificationWithBaudCharacterAndEnhancedIdentification() {
    ModeCIdentification id = ModeCIdentification.parse("/LOG5LK123\r\n");
    assertThat(id.manufacturer()).isEqualTo("LOG");
    assertThat(id.baudRate()).isEqualTo(9600);
    assertThat(id.identification()).isEqualTo("LK123");
    ModeCIdentification els = ModeCIdentification.parse("/Els6\\2EK280");
    assertThat(els.baudRate()).isEqualTo(19200);
    assertThat(els.enhancedIdentification()).isEqualTo('2');
    assertThat(els.identification()).isEqualTo("EK280");
    assertThat(els.fastReaction()).isTrue();
  }

  @Test
  void rejectsAReadoutWithoutEtx() {
    byte[] msg =
        "\u0002ISK5ME162\r\n1.8.0(0034204.753*kWh)\r\n!\r\n\u00fe"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> ModeCReadout.decode(msg))
        .hasMessage("IEC 62056-21 readout: no ETX (0x03) after the data block");
  }
}
