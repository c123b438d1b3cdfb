package io.loadlens.dlms.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.dlms.DlmsReplayException;
import io.loadlens.dlms.apdu.DataNotification;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.axdr.CosemValue.Bytes;
import io.loadlens.dlms.axdr.CosemValue.Int;
import io.loadlens.dlms.axdr.CosemValue.Structure;
import io.loadlens.dlms.axdr.DataType;
import io.loadlens.dlms.hdlc.Llc;
import io.loadlens.model.ObisCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushVectorsTest {
  static final HexFormat HEX = HexFormat.of();
  static final Map<String, byte[]> V = new HashMap<>();

  static {
    try (InputStream in =
        PushVectorsTest.class.getResourceAsStream("/vectors/push-notifications.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] p = line.split("\\|");
          V.put(p[0].trim(), HEX.parseHex(p[1].trim()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void decodesV21AidonList3WithoutDateTime() {
    DataNotification n =
        new PushDecoder(null, null, null).decode(Llc.strip(Llc.RESPONSE, V.get("V21-aidon-list3")));
    assertThat(n.dateTime()).isNull();
    List<CosemValue> items = ((CosemValue.Array) n.body()).elements();
    assertThat(items).hasSize(17);
    Structure first = (Structure) items.get(0);
    assertThat(((Bytes) first.get(1)).text()).isEqualTo("AIDON_V0001");
    // current L1 is a signed long, scaler -1: 13 -> 1.3 A
    Structure currentL1 = (Structure) items.get(7);
    assertThat(ObisCode.fromBytes(((Bytes) currentL1.get(0)).value()))
        .isEqualTo(new ObisCode(1, 0, 31, 7, 0, 255));
    assertThat(currentL1.get(1)).isEqualTo(new Int(DataType.LONG, 13));
    Structure energy = (Structure) items.get(13);
    assertThat(energy.get(1)).isEqualTo(Int.doubleLongUnsigned(2272138));
    assertThat(((Structure) energy.get(2)).get(0)).isEqualTo(Int.integer(1));
    assertThat(((Structure) energy.get(2)).get(1)).isEqualTo(Int.enumerated(30));
  }

  @Test
  void decodesV23KamstrupList2WithDateTime() {
    DataNotification n =
        DataNotification.decode(Llc.strip(Llc.RESPONSE, V.get("V23-kamstrup-list2")));
    assertThat(n.longInvokeIdAndPriority()).isZero();
    assertThat(n.dateTime().year()).isEqualTo(2017);
    assertThat(n.dateTime().hour()).isEqualTo(16);
    assertThat(((Structure) n.body()).elements()).hasSize(35);
    assertThat(((Bytes) ((Structure) n.body()).get(0)).text()).isEqualTo("Kamstrup_V0001");
  }

  @Test
  void decryptsV25NetzNoeGeneralGloCipheringAcrossTwoMbusFrames() {
    byte[] apdu = mbusPayload(V.get("V25-netz-noe-mbus-1"), V.get("V25-netz-noe-mbus-2"));
    PushDecoder d = new PushDecoder(HEX.parseHex("36C66639E48A8CA4D6BC8B282A793BBB"), null, null);
    DataNotification n = d.decode(apdu);
    assertThat(n.longInvokeIdAndPriority()).isEqualTo(0x8006870EL);
    assertThat(n.dateTime().deviation()).isEqualTo(-120);
    assertThat(n.dateTime().toInstant(ZoneOffset.UTC))
        .contains(Instant.parse("2021-09-27T07:47:15Z"));
    List<CosemValue> body = ((Structure) n.body()).elements();
    assertThat(body).hasSize(35);
    // [clock, then (OBIS, value, {scaler, unit}) x 11, then meter number]
    assertThat(ObisCode.fromBytes(((Bytes) body.get(1)).value()))
        .isEqualTo(ObisCode.ACTIVE_ENERGY_IMPORT);
    assertThat(body.get(2)).isEqualTo(Int.doubleLongUnsigned(12937));
    assertThat(((Bytes) body.get(34)).text()).isEqualTo("181220000009");
    assertThatThrownBy(() -> d.decode(apdu))
        .isInstanceOf(DlmsReplayException.class)
        .hasMessageContaining("invocation counter 35");
  }

  /** The APDU carried by M-Bus long frames: after 68 L L 68 C A CI STSAP DTSAP, before CS 16. */
  static byte[] mbusPayload(byte[]... frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      int l = f[1] & 0xFF;
      out.writeBytes(Arrays.copyOfRange(f, 9, 4 + l));
    }
    return out.toByteArray();
  }
}
