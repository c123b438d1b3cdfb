package io.loadlens.iec21;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.iec21.testkit.SimulatedModeCMeter;
import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Readout values as readings: registers with units, at the read time, in base units. */
class ModeCReadingsTest {
  private static final String BLOCK =
      String.join(
              "\r\n",
              "0.0.0(12345678)",
              "0.9.1(235959)",
              "F.F(00000000)",
              "1.8.0(015882.6927*kWh)",
              "1.8.0(999*kWh)",
              "2.8.0(000219.4882*kWh)",
              "1-0:16.7.0*255(000028*W)",
              "32.7.0(235.2*V)",
              "C.7.0(0012)",
              "1-0:0.2.0(NaN*V)",
              "13.7.0(0.98*pf)")
          + "\r\n!\r\n";

  private static ModeCReadout readout() {
    return ModeCReadout.decode(SimulatedModeCMeter.dataMessage(BLOCK, false));
  }

  @Test
  void takesRegistersWithKnownUnitsInBaseUnitsFirstOccurrenceOnly() {
    assertThat(ModeCReadings.values(readout()))
        .extracting(v -> v.obis() + " " + v.value() + " " + v.unit())
        .containsExactly(
            "1-0:1.8.0.255 1.58826927E7 Wh",
            "1-0:2.8.0.255 219488.2 Wh",
            "1-0:16.7.0.255 28.0 W",
            "1-0:32.7.0.255 235.2 V");
  }

  @Test
  void listsDatesStatusWordsIdentifiersAndUnknownUnitsAsSkipped() {
    assertThat(ModeCReadings.skipped(readout()))
        .extracting(DataSet::address)
        .containsExactly("0.0.0", "0.9.1", "F.F", "C.7.0", "1-0:0.2.0", "13.7.0");
  }

  @Test
  void findsTheSerialNumber() {
    assertThat(ModeCReadings.serialNumber(readout())).contains("12345678");
  }

  @Test
  void makesOneRowPerRegisterAtTheReadTimeWithAStableBatchId() {
    Instant at = Instant.parse("2026-11-23T10:15:30.250Z");
    ReadingBatch b = ModeCReadings.toBatch(MeterId.of("iec21-12345678"), readout(), at);
    assertThat(b.source()).isEqualTo("iec21");
    assertThat(b.series()).hasSize(4);
    assertThat(b.series().get(0).obis()).isEqualTo(ObisCode.ACTIVE_ENERGY_IMPORT);
    assertThat(b.series().get(0).unit()).isEqualTo(Unit.WATT_HOUR);
    assertThat(b.series().get(0).size()).isEqualTo(1);
    assertThat(b.batchId())
        .isEqualTo(ModeCReadings.toBatch(MeterId.of("iec21-12345678"), readout(), at).batchId())
        .isNotEqualTo(
            ModeCReadings.toBatch(MeterId.of("iec21-12345678"), readout(), at.plusSeconds(1))
                .batchId());
  }
}
