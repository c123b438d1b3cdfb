package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.app.pipeline.ReadingsOut;
import io.loadlens.iec21.Iec21Exception;
import io.loadlens.iec21.p1.P1Reader;
import io.loadlens.iec21.p1.P1Telegram;
import io.loadlens.iec21.p1.SmartyKeys;
import io.loadlens.model.MeterId;
import io.loadlens.model.ReadingBatch;
import io.loadlens.transport.mqtt.MqttTopicListener;
import io.loadlens.wmbus.AflReassembler;
import io.loadlens.wmbus.WMBusException;
import io.loadlens.wmbus.WMBusReceiver;
import io.loadlens.wmbus.WMBusTelegram;
import io.loadlens.wmbus.receiver.CounterFile;
import io.loadlens.wmbus.receiver.KeyFile;
import io.loadlens.zigbee.Zigbee2MqttDecoder;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadlens listen}: meters that are not polled over DLMS but send by themselves — a DSMR P1
 * port, a Wireless M-Bus receiver, a Zigbee gateway — stored as they arrive, or with {@code
 * --publish} sent over the transport to an ingest process.
 */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description =
        "Store (or --publish over MQTT/Kafka) readings from meters that send by themselves: P1 ports, Wireless M-Bus, Zigbee gateways.",
    subcommands = {ListenCommand.P1.class, ListenCommand.WMBus.class, ListenCommand.Zigbee.class})
public final class ListenCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final int MAX_BATCHES = 256;
  static final Duration MAX_DELAY = Duration.ofSeconds(2);

  static void report(PrintWriter out, String what, ReadingsOut output) {
    out.println(what + ": " + output.summary());
    out.flush();
  }

  static ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException("--zone '" + zone + "' is not a time zone", e);
    }
  }

  /** A DSMR P1 port: a serial device, a TCP serial bridge, or a capture file. */
  @Command(
      name = "p1",
      header = "Store 15-minute profile rows read from a DSMR P1 port.",
      mixinStandardHelpOptions = true,
      description = {
        "Read a DSMR P1 port and store 15-minute profile rows of the energy registers (and, with",
        "--all-values, every telegram's values). Smarty (Luxembourg) frames are decrypted with --key."
      })
  static final class P1 implements Callable<Integer> {
    @Mixin DataOptions data;
    @Mixin BrokerOptions.ClientCertKey broker;
    @Mixin ListenOutput output;

    @Option(
        names = "--device",
        paramLabel = "PATH",
        description = "Serial device (configured with stty: 115200 8N1) or a file to follow.")
    Path device;

    @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "A TCP serial bridge.")
    String tcp;

    @Option(names = "--file", paramLabel = "FILE", description = "A capture file, read once.")
    Path file;

    @Option(
        names = "--meter",
        paramLabel = "ID",
        description = "Meter id for the readings (default p1-<equipment id>).")
    String meter;

    @Option(names = "--key", paramLabel = "HEX", description = "Smarty encryption key.")
    String key;

    @Option(
        names = "--ak",
        paramLabel = "HEX",
        defaultValue = SmartyKeys.LUXEMBOURG_AUTHENTICATION_KEY,
        description = "Smarty authentication key (default: the one Luxembourg meters share).")
    String ak;

    @Option(names = "--profile-minutes", paramLabel = "MIN", defaultValue = "15")
    int profileMinutes;

    @Option(
        names = "--all-values",
        description = "Also store every telegram's values (many rows: one telegram every 1-10 s).")
    boolean allValues;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Amsterdam")
    String zone;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      int sources = (device != null ? 1 : 0) + (tcp != null ? 1 : 0) + (file != null ? 1 : 0);
      if (sources != 1) {
        throw new ConfigException(
            "give exactly one of --device PATH, --tcp HOST:PORT, --file FILE");
      }
      Optional<MeterId> id;
      try {
        id = Optional.ofNullable(meter).map(MeterId::of);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--meter: " + e.getMessage(), e);
      }
      Optional<SmartyKeys> keys;
      try {
        keys = Optional.ofNullable(key).map(k -> SmartyKeys.parse(k, ak));
      } catch (RuntimeException e) {
        throw new ConfigException("--key/--ak: " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (UntilInterrupted running = new UntilInterrupted();
          ReadingsOut writer = output.open(data, broker, "p1", zone(zone))) {
        P1Reader reader =
            new P1Reader(
                new P1Reader.Config(id, keys, profileMinutes),
                new P1Reader.Listener() {
                  @Override
                  public void onReadings(ReadingBatch readings, P1Telegram telegram) {
                    if (allValues) {
                      writer.add(readings);
                    }
                  }

                  @Override
                  public void onProfileRow(ReadingBatch row) {
                    writer.add(row);
                  }

                  @Override
                  public void onBadTelegram(Iec21Exception error) {
                    out.println("bad telegram: " + error.getMessage());
                    out.flush();
                  }
                },
                InstantSource.system());
        if (file != null) {
          try (InputStream in = Files.newInputStream(file)) {
            P1Reader.Stats s = reader.run(in);
            out.printf("%s: %d telegrams, %d bad%n", file, s.telegrams(), s.badTelegrams());
          }
        } else {
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      running.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    reader.stop();
                  });
          out.println("Reading P1 from " + (device != null ? device : tcp) + " (Ctrl-C to stop)");
          out.flush();
          reader.runReconnecting(opener(), Duration.ofSeconds(5));
        }
        writer.flush();
        report(out, "P1", writer);
      }
      return Main.EXIT_OK;
    }

    private P1Reader.Opener opener() {
      if (device != null) {
        return () -> new FileInputStream(device.toFile());
      }
      int colon = tcp.lastIndexOf(':');
      if (colon <= 0) {
        throw new ConfigException("--tcp '" + tcp + "' is not HOST:PORT");
      }
      String host = tcp.substring(0, colon);
      int port = Integer.parseInt(tcp.substring(colon + 1));
      return () -> {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 10_000);
        return s.getInputStream();
      };
    }
  }

  /** Wireless M-Bus telegrams from a receiver's output or a dongle. */
  @Command(
      name = "wmbus",
      header = "Store the current values of Wireless M-Bus (OMS) telegrams.",
      mixinStandardHelpOptions = true,
      description = {
        "Store the current values of Wireless M-Bus telegrams: hex lines (plain, rtl-wmbus or",
        "wmbusmeters format) from a file or standard input, or frames from a dongle in transparent mode."
      })
  static final class WMBus implements Callable<Integer> {
    @Mixin DataOptions data;
    @Mixin BrokerOptions.ClientCertKey broker;
    @Mixin ListenOutput output;

    @Option(
        names = "--input",
        paramLabel = "FILE",
        description = "Hex lines; - for standard input.")
    String input;

    @Option(
        names = "--device",
        paramLabel = "PATH",
        description = "A dongle delivering raw frames.")
    Path device;

    @Option(names = "--rssi", description = "The dongle appends an RSSI byte to each frame.")
    boolean rssi;

    @Option(
        names = "--keys",
        paramLabel = "FILE",
        description = "Key file: MAN-ID=HEX or ID=HEX per line, mode 0600.")
    Path keys;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC")
    String zone;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if ((input == null) == (device == null)) {
        throw new ConfigException("give exactly one of --input FILE|- and --device PATH");
      }
      KeyFile keyFile;
      try {
        keyFile =
            keys == null ? KeyFile.parse("(no key file)", java.util.List.of()) : KeyFile.load(keys);
      } catch (RuntimeException e) {
        throw new ConfigException(e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      ZoneId z = zone(zone);
      CounterFile counters;
      try {
        counters = CounterFile.open(data.dataDir().resolve("wmbus-counters"));
      } catch (RuntimeException e) {
        throw new ConfigException(e.getMessage(), e);
      }
      ScheduledExecutorService saver =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().daemon().name("loadlens-wmbus-counters").unstarted(r));
      saver.scheduleWithFixedDelay(counters::saveIfChanged, 5, 5, TimeUnit.SECONDS);
      try (ReadingsOut writer = output.open(data, broker, "wmbus", z)) {
        WMBusReceiver receiver =
            new WMBusReceiver(
                keyFile,
                z,
                new WMBusReceiver.Listener() {
                  @Override
                  public void onReadings(ReadingBatch readings, WMBusTelegram telegram) {
                    writer.add(readings);
                  }

                  @Override
                  public void onBadTelegram(String where, WMBusException error) {
                    out.println("bad telegram (" + where + "): " + error.getMessage());
                    out.flush();
                  }
                },
                InstantSource.system(),
                counters.counters(),
                AflReassembler.Limits.DEFAULT);
        WMBusReceiver.Stats s;
        if (input != null) {
          InputStream in = input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
          try (BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            s = receiver.runLines(r);
          }
        } else {
          try (InputStream in = new FileInputStream(device.toFile())) {
            s = receiver.runFrames(in, rssi);
          }
        }
        writer.flush();
        out.printf(
            "wM-Bus: %d telegrams, %d without mapped values, %d bad, %d repeated%n",
            s.telegrams(), s.unmapped(), s.bad(), s.duplicates());
        report(out, "wM-Bus", writer);
      } finally {
        saver.shutdown();
        counters.saveIfChanged();
      }
      return Main.EXIT_OK;
    }
  }

  /** A Zigbee gateway publishing metering devices as zigbee2mqtt does. */
  @Command(
      name = "zigbee",
      mixinStandardHelpOptions = true,
      description =
          "Subscribe to a zigbee2mqtt broker and store its metering devices' values (meter id zb-<device name>).")
  static final class Zigbee implements Callable<Integer> {
    @Mixin DataOptions data;
    @Mixin BrokerOptions.ClientCertKey broker;
    @Mixin ListenOutput output;

    @Option(
        names = "--base-topic",
        defaultValue = Zigbee2MqttDecoder.DEFAULT_BASE_TOPIC,
        paramLabel = "TOPIC")
    String baseTopic;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC")
    String zone;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Zigbee2MqttDecoder decoder = Zigbee2MqttDecoder.withNamedMeters(baseTopic);
      PrintWriter out = spec.commandLine().getOut();
      Set<MeterId> seen = ConcurrentHashMap.newKeySet();
      try (UntilInterrupted running = new UntilInterrupted();
          ReadingsOut writer = output.open(data, broker, "zigbee", zone(zone));
          MqttTopicListener listener =
              MqttTopicListener.start(
                  broker.mqtt(data.config(), "loadlens-zigbee"),
                  decoder.subscription(),
                  (topic, payload) ->
                      decoder
                          .decode(topic, payload, Instant.now())
                          .ifPresent(
                              batch -> {
                                writer.add(batch);
                                if (seen.add(batch.meter())) {
                                  out.println("New device: " + batch.meter() + " (" + topic + ")");
                                  out.flush();
                                }
                              }))) {
        out.println("Listening to " + decoder.subscription() + " (Ctrl-C to stop)");
        out.flush();
        running.await();
        writer.flush();
        report(out, "Zigbee", writer);
      }
      return Main.EXIT_OK;
    }
  }
}
