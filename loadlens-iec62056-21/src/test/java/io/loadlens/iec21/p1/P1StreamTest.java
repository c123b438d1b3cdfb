package io.loadlens.iec21.p1;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ReadingBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class P1StreamTest {

  @Test
  void splitsAStreamIntoTelegramsSkippingAPartialFirstOne() throws Exception {
    byte[] a = P1DecoderTest.resource("dsmr42-kaifa-ma105.txt");
    byte[] b = P1DecoderTest.resource("dsmr50-iskra-am550.txt");
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.write(a, a.length / 2, a.length - a.length / 2); // reader started mid-telegram
    stream.write(b);
    stream.write(a);
    P1StreamReader reader = new P1StreamReader(new ByteArrayInputStream(stream.toByteArray()));
    List<byte[]> telegrams = new ArrayList<>();
    for (Optional<byte[]> t = reader.next(); t.isPresent(); t = reader.next()) {
      telegrams.add(t.get());
    }
    assertThat(telegrams).hasSize(2);
    assertThat(telegrams.get(0)).isEqualTo(b);
    assertThat(telegrams.get(1)).isEqualTo(a);
    assertThat(P1Decoder.decode(telegrams.get(1)).crc().expected()).isEqualTo(0x6796);
  }

  @Test
  void mapsATelegramToOneSeriesPerObisWithTheGasOnItsOwnCaptureTime() throws Exception {
    P1Telegram t = P1Decoder.decode(P1DecoderTest.resource("dsmr42-kaifa-ma105.txt"));
    ReadingBatch batch =
        P1Readings.toBatch(MeterId.of("kaifa"), t, Instant.parse("2016-11-13T19:58:00Z"));
    assertThat(batch.source()).isEqualTo("p1");
    assertThat(batch.series())
        .filteredOn(s -> s.obis().equals(new ObisCode(0, 1, 24, 2, 1, 255)))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.epochSeconds())
                    .containsExactly(Instant.parse("2016-11-29T19:00:00Z").getEpochSecond()));
    assertThat(batch.series())
        .filteredOn(s -> s.obis().equals(ObisCode.ACTIVE_ENERGY_IMPORT))
        .singleElement()
        .satisfies(s -> assertThat(s.values()).containsExactly(3_016_829.0));
    ReadingBatch again =
        P1Readings.toBatch(MeterId.of("kaifa"), t, Instant.parse("2016-11-13T19:59:00Z"));
    assertThat(again.batchId()).isEqualTo(batch.batchId());
  }

  @Test
  void emitsOneProfileRowPerBoundaryFromTheFirstTelegramAfterIt() throws Exception {
    P1ProfileAccumulator acc = new P1ProfileAccumulator(MeterId.of("kaifa"), 15);
    byte[] raw = P1DecoderTest.resource("dsmr42-kaifa-ma105.txt");
    P1Telegram first = P1Decoder.decode(raw);
    Optional<ReadingBatch> row = acc.accept(first);
    assertThat(row).isPresent();
    assertThat(row.get().series().get(0).epochSeconds())
        .containsExactly(Instant.parse("2016-11-13T19:45:00Z").getEpochSecond());
    assertThat(acc.accept(first)).isEmpty();
  }
}
