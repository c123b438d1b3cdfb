package io.loadlens.iec21;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.ObisCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mode C client against a fake meter, the meter's answers fed whole, byte by byte and in odd
 * chunks. Data block: the Logarex LK13 readout of weltenwort/py-power-meter-monitor (BCC 0x67).
 */
class ModeCClientTest {
  static final String LOGAREX_BLOCK =
      String.join(
              "\r\n",
              "1-0:96.1.0*255(001LOG0065282495)",
              "1-0:1.8.0*255(015882.6927*kWh)",
              "1-0:2.8.0*255(000219.4882*kWh)",
              "1-0:16.7.0*255(000028*W)",
              "1-0:32.7.0*255(235.2*V)")
          + "\r\n!\r\n";

  static FakeModeCMeter logarex(FakeModeCMeter.Fault fault) {
    return new FakeModeCMeter("/LOG5LK13BE803039", "", LOGAREX_BLOCK, fault);
  }

  /** Runs an exchange, the meter's answers cut into chunks of {@code chunk} bytes. */
  static Result run(ModeCClient client, FakeModeCMeter meter, int chunk) {
    List<Integer> bauds = new ArrayList<>();
    byte[] toMeter = client.start();
    for (int round = 0; round < 5; round++) {
      byte[] answer = meter.receive(toMeter);
      ByteArrayOutputStream next = new ByteArrayOutputStream();
      for (int at = 0; at < answer.length; at += chunk) {
        byte[] piece = Arrays.copyOfRange(answer, at, Math.min(answer.length, at + chunk));
        for (ModeCClient.Action a : client.receive(piece)) {
          switch (a) {
            case ModeCClient.Action.Send s -> next.writeBytes(s.bytes());
            case ModeCClient.Action.SwitchBaudRate b -> bauds.add(b.baudRate());
            case ModeCClient.Action.Completed c -> {
              return new Result(c.readout(), bauds);
            }
            case ModeCClient.Action.EnterHdlc e -> {
              bauds.add(e.baudRate());
              return new Result(null, bauds);
            }
          }
        }
      }
      toMeter = next.toByteArray();
    }
    return new Result(null, bauds);
  }

  record Result(ModeCReadout readout, List<Integer> bauds) {}

  @ParameterizedTest
  @ValueSource(ints = {Integer.MAX_VALUE, 1, 2, 3, 7, 64})
  void readsLogarexMeterWithTheAnswersInAnyChunking(int chunk) {
    FakeModeCMeter meter = logarex(FakeModeCMeter.Fault.NONE);
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    Result r = run(client, meter, chunk);
    assertThat(r.readout()).isNotNull();
    assertThat(client.state()).isEqualTo(ModeCClient.State.DONE);
    assertThat(r.readout().identification())
        .get()
        .extracting(ModeCIdentification::manufacturer)
        .isEqualTo("LOG");
    assertThat(r.readout().dataSets()).hasSize(5);
    assertThat(r.readout().dataSets().get(1).obis()).contains(ObisCode.ACTIVE_ENERGY_IMPORT);
    assertThat(r.readout().dataSets().get(1).first().number("1.8.0")).isEqualTo(15882.6927);
    assertThat(r.bauds()).containsExactly(9600);
    assertThat(meter.requests).containsExactly("/?!\r\n", "\u0006" + "050\r\n");
  }

  @Test
  void decodesTheDataMessageSplitAtEveryIndex() {
    FakeModeCMeter meter = logarex(FakeModeCMeter.Fault.NONE);
    byte[] data = meter.dataMessage();
    for (int split = 0; split < data.length; split++) {
      ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
      client.start();
      client.receive("/LOG5LK13BE803039\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(client.receive(Arrays.copyOfRange(data, 0, split))).isEmpty();
      List<ModeCClient.Action> last = client.receive(Arrays.copyOfRange(data, split, data.length));
      assertThat(last).singleElement().isInstanceOf(ModeCClient.Action.Completed.class);
    }
  }

  @Test
  void selectsTheLowerOfTheMetersAndThePortsBaudRateAndSignsOnWithTheAddress() {
    FakeModeCMeter meter =
        new FakeModeCMeter(
            "/LOG5LK13BE803039", "12345678", LOGAREX_BLOCK, FakeModeCMeter.Fault.NONE);
    Result r = run(new ModeCClient(new ModeCClient.Options("12345678", 2400)), meter, 1);
    assertThat(r.bauds()).containsExactly(2400);
    assertThat(meter.requests).containsExactly("/?12345678!\r\n", "\u0006" + "030\r\n");
  }

  @Test
  void skipsTheEchoOfItsOwnRequestsFromAHalfDuplexHead() {
    FakeModeCMeter meter = logarex(FakeModeCMeter.Fault.ECHO);
    Result r = run(new ModeCClient(ModeCClient.Options.defaults()), meter, 1);
    assertThat(r.readout()).isNotNull();
    assertThat(r.readout().dataSets()).hasSize(5);
  }

  @Test
  void switchesAtOnceToTheRateOfAModeBMeterAndTakesItsDataWithoutAnOptionSelect() {
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    client.start();
    assertThat(client.receive("/ISKBME162\r\n".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly(new ModeCClient.Action.SwitchBaudRate(1200, false));
    List<ModeCClient.Action> actions =
        client.receive(logarex(FakeModeCMeter.Fault.NONE).dataMessage());
    assertThat(actions).singleElement().isInstanceOf(ModeCClient.Action.Completed.class);
  }

  @Test
  void selectsHdlcWithAck2Z2InModeEAndEndsTheExchange() {
    ModeCClient client = new ModeCClient(new ModeCClient.Options("", 9600, true));
    client.start();
    List<ModeCClient.Action> actions =
        client.receive("/ISK6\\2ME162\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(actions).hasSize(2);
    assertThat(((ModeCClient.Action.Send) actions.get(0)).bytes())
        .isEqualTo(("\u0006" + "252\r\n").getBytes(StandardCharsets.US_ASCII));
    assertThat(actions.get(1))
        .isEqualTo(
            new ModeCClient.Action.EnterHdlc(ModeCIdentification.parse("/ISK6\\2ME162"), 9600));
    assertThat(client.state()).isEqualTo(ModeCClient.State.DONE);
  }

  @Test
  void refusesModeEWithAMeterThatIsNotModeC() {
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults().withHdlc());
    client.start();
    assertThatThrownBy(() -> client.receive("/ISKEME162\r\n".getBytes(StandardCharsets.US_ASCII)))
        .hasMessage(
            "IEC 62056-21 identification '/ISKEME162': baud character 'E' is not one of mode E"
                + " ('0'..'6'), so the meter cannot switch to HDLC");
  }

  @Test
  void refusesAModeBRateAboveThePortsHighest() {
    ModeCClient client = new ModeCClient(new ModeCClient.Options("", 2400));
    client.start();
    assertThatThrownBy(() -> client.receive("/ISKEME162\r\n".getBytes(StandardCharsets.US_ASCII)))
        .hasMessage(
            "IEC 62056-21 mode B meter switches to 9600 Bd (baud character 'E'), above the highest"
                + " rate of the port, 2400 Bd");
  }

  @Test
  void takesTheDataOfAModeAMeterAtTheInitialRate() {
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    client.start();
    assertThat(client.receive("/ABC:METER\r\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    List<ModeCClient.Action> actions =
        client.receive(logarex(FakeModeCMeter.Fault.NONE).dataMessage());
    assertThat(actions).singleElement().isInstanceOf(ModeCClient.Action.Completed.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "8", "9", "G", "H", "I"})
  void failsOnAReservedBaudCharacterNamingIt(String z) {
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    client.start();
    String id = "/LOG" + z + "LK13\r\n";
    assertThatThrownBy(() -> client.receive(id.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(Iec21Exception.class)
        .hasMessage(
            "IEC 62056-21 identification '/LOG"
                + z
                + "LK13': unknown baud character '"
                + z
                + "' (reserved; mode C uses '0'..'6', mode B 'A'..'F')");
    assertThat(client.state()).isEqualTo(ModeCClient.State.FAILED);
  }

  @Test
  void ignoresTheParityBitOfBytesReadFromAPortOpenedAs8N1() {
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    client.start();
    byte[] id = "/LOG5LK13BE803039\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < id.length; i++) {
      id[i] |= (byte) 0x80;
    }
    assertThat(client.receive(id)).hasSize(2);
    assertThat(client.identification())
        .get()
        .extracting(ModeCIdentification::baudRate)
        .isEqualTo(9600);
  }

  @Test
  void failsOnACorruptBccNamingBothValues() {
    FakeModeCMeter meter = logarex(FakeModeCMeter.Fault.CORRUPT_BCC);
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    assertThatThrownBy(() -> run(client, meter, 1))
        .isInstanceOf(Iec21Exception.class)
        .hasMessageStartingWith("IEC 62056-21 BCC: actual 0x");
    assertThat(client.state()).isEqualTo(ModeCClient.State.FAILED);
  }

  @Test
  void namesWhatWasAwaitedWhenTheCallersTimerExpires() {
    ModeCClient silent = new ModeCClient(ModeCClient.Options.defaults());
    silent.start();
    assertThat(silent.timeout(Duration.ofMillis(1500)))
        .hasMessage(
            "IEC 62056-21 mode C: no identification (/XXXZ...) within 1500 ms of the sign-on");
    assertThat(silent.state()).isEqualTo(ModeCClient.State.FAILED);

    ModeCClient cut = new ModeCClient(ModeCClient.Options.defaults());
    cut.start();
    cut.receive("/LOG5LK13\r\n\u00021-0:1.8.0(1".getBytes(StandardCharsets.US_ASCII));
    assertThat(cut.timeout(Duration.ofMillis(1500)))
        .hasMessage(
            "IEC 62056-21 mode C: data message stopped after 12 bytes without ETX and BCC (no byte"
                + " within 1500 ms)");
  }

  @Test
  void rejectsAnAddressWithCharactersOutsideTheStandardSet() {
    assertThatThrownBy(() -> new ModeCClient.Options("12!4", 9600))
        .hasMessageContaining("device address '12!4'");
    assertThatThrownBy(() -> new ModeCClient.Options("", 14400))
        .hasMessage("IEC 62056-21 mode C baud rate 14400 is not one of 300 .. 19200");
  }

  @Test
  void endsTheExchangeWhenTheLineCarriesOnlyNoise() {
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    client.start();
    client.receive("/LOG5LK13\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] noise = new byte[1025];
    Arrays.fill(noise, (byte) 0x55);
    assertThatThrownBy(() -> client.receive(noise))
        .hasMessage("IEC 62056-21 mode C: 1024 bytes of noise without the STX of the data message");
    assertThat(client.state()).isEqualTo(ModeCClient.State.FAILED);
  }

  @Test
  void refusesAnIdentificationThatNeverEnds() {
    ModeCClient client = new ModeCClient(ModeCClient.Options.defaults());
    client.start();
    byte[] endless = new byte[200];
    Arrays.fill(endless, (byte) 'A');
    endless[0] = '/';
    assertThatThrownBy(() -> client.receive(endless))
        .hasMessage("IEC 62056-21 identification exceeds 128 bytes without LF");
  }
}
