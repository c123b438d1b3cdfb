package io.loadlens.app.cli.decode;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.app.pipeline.Json;
import io.loadlens.dlms.DlmsException;
import io.loadlens.iec21.Iec21Exception;
import io.loadlens.iec21.ModeCReadout;
import io.loadlens.iec21.p1.P1Decoder;
import io.loadlens.iec21.p1.SmartyFrame;
import io.loadlens.wmbus.KeyLookup;
import io.loadlens.wmbus.TelegramDecoder;
import io.loadlens.wmbus.WMBusException;
import io.loadlens.zigbee.Zigbee2MqttDecoder;
import io.loadlens.zigbee.ZigbeeDecodeException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loadlens decode}: what one frame or telegram means, as JSON, with its integrity checks.
 * Invalid input is reported with the failing check or field and exit code 1.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decode one frame or telegram (hex or raw, auto-detected) and print it as JSON.",
      "Formats: p1 (DSMR/e-MUCS, Smarty with --key/--ak), iec21 (mode C readout), wmbus, zigbee,",
      "and the DLMS formats dlms (an APDU), wrapper (IEC 62056-47) and hdlc (IEC 62056-46)."
    })
public final class DecodeCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "dlms, hdlc, wrapper, p1, iec21, wmbus or zigbee.")
  String format;

  @Option(
      names = "--key",
      paramLabel = "HEX",
      description = "Encryption key (AES-128): GUEK for DLMS/Smarty, the meter key for wM-Bus.")
  String key;

  @Option(names = "--ak", paramLabel = "HEX", description = "Authentication key (DLMS/Smarty GAK).")
  String ak;

  @Option(
      names = "--system-title",
      paramLabel = "HEX",
      description = "The sender's system title (DLMS, 8 bytes), when the APDU does not carry it.")
  String systemTitle;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "zigbee: the MQTT topic the payload came on (default zigbee2mqtt/meter).")
  String topic;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The input file, or - for standard input (default).")
  String file;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    byte[] input = InputBytes.read(file, System.in);
    Map<String, Object> out;
    try {
      out =
          switch (format) {
            case "p1" -> p1(input);
            case "iec21" -> TelegramJson.modeC(ModeCReadout.decode(input));
            case "wmbus" -> TelegramJson.wmbus(TelegramDecoder.decode(input, wmbusKeys()));
            case "zigbee" -> zigbee(input);
            case "dlms", "hdlc", "wrapper" ->
                DlmsJson.decode(
                    format,
                    input,
                    InputBytes.hexOption("--key", key, 16),
                    InputBytes.hexOption("--ak", ak, 16),
                    InputBytes.hexOption("--system-title", systemTitle, 8));
            default ->
                throw new ConfigException(
                    "--format '"
                        + format
                        + "' is not one of dlms, hdlc, wrapper, p1, iec21, wmbus, zigbee");
          };
    } catch (Iec21Exception | WMBusException | ZigbeeDecodeException | DlmsException e) {
      spec.commandLine().getErr().println("loadlens: decode: " + e.getMessage());
      return Main.EXIT_FAILURE;
    }
    spec.commandLine().getOut().println(Json.pretty(out));
    return Main.EXIT_OK;
  }

  private Map<String, Object> p1(byte[] input) {
    if (SmartyFrame.isEncrypted(input)) {
      if (key == null || ak == null) {
        throw new ConfigException(
            "this P1 frame is encrypted (Smarty general-glo-ciphering): give --key and --ak");
      }
      byte[] telegram =
          SmartyFrame.decrypt(
              input, InputBytes.hexOption("--key", key, 16), InputBytes.hexOption("--ak", ak, 16));
      return TelegramJson.p1(P1Decoder.decode(telegram, null), true);
    }
    return TelegramJson.p1(
        P1Decoder.decode(input, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)), false);
  }

  private KeyLookup wmbusKeys() {
    byte[] k = InputBytes.hexOption("--key", key, 16);
    return k == null ? KeyLookup.NONE : KeyLookup.single(k);
  }

  private Map<String, Object> zigbee(byte[] input) {
    String t = topic == null ? "zigbee2mqtt/meter" : topic;
    return Zigbee2MqttDecoder.withNamedMeters("zigbee2mqtt")
        .decode(t, input, Instant.now())
        .map(b -> TelegramJson.readings("zigbee", b))
        .orElseThrow(
            () ->
                new ZigbeeDecodeException(
                    t
                        + ": no metering values in the payload (or the topic is not a device topic)"));
  }
}
