package io.loadlens.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.ReadingBatch;
import io.loadlens.wmbus.receiver.CounterFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message-counter replay protection on telegrams constructed in {@link AflTelegrams}. */
class ReplayProtectionTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final KeyLookup KEYS = KeyLookup.single(AflTelegrams.KEY);

  static final class Seen implements WMBusReceiver.Listener {
    final List<ReadingBatch> readings = new ArrayList<>();
    final List<String> bad = new ArrayList<>();
    final List<String> duplicates = new ArrayList<>();

    @Override
    public void onReadings(ReadingBatch batch, WMBusTelegram telegram) {
      readings.add(batch);
    }

    @Override
    public void onBadTelegram(String where, WMBusException error) {
      bad.add(where + ": " + error.getMessage());
    }

    @Override
    public void onDuplicate(String where, String meter) {
      duplicates.add(where + ": " + meter);
    }
  }

  private static WMBusReceiver receiver(Seen seen, MessageCounters counters) {
    return new WMBusReceiver(
        KEYS,
        ZoneOffset.UTC,
        seen,
        InstantSource.fixed(T0),
        counters,
        AflReassembler.Limits.DEFAULT);
  }

  @Test
  void refusesATelegramWhoseCounterDoesNotIncreaseNamingMeterCounterAndLastAccepted() {
    Seen seen = new Seen();
    WMBusReceiver r = receiver(seen, new MessageCounters());
    r.accept("frame 1", AflTelegrams.whole(2739, 0x2A), T0);
    r.accept("frame 2", AflTelegrams.whole(2738, 0x2B), T0);
    r.accept("frame 3", AflTelegrams.whole(2739, 0x2C), T0);
    r.accept("frame 4", AflTelegrams.whole(2740, 0x2D), T0);
    assertThat(seen.readings).hasSize(2);
    assertThat(seen.bad)
        .containsExactly(
            "frame 2: wM-Bus ELS-12345678: message counter 2738 does not increase (last accepted 2739): replayed telegram refused",
            "frame 3: wM-Bus ELS-12345678: message counter 2739 does not increase (last accepted 2739): replayed telegram refused");
  }

  @Test
  void reportsTheSameTelegramAgainAsADuplicateAlsoWithCrcsOrLate() {
    Seen seen = new Seen();
    WMBusReceiver r = receiver(seen, new MessageCounters());
    byte[] first = AflTelegrams.whole(2739, 0x2A);
    r.accept("frame 1", first, T0);
    r.accept("frame 2", first.clone(), T0);
    r.accept("frame 3", AflTelegrams.frameA(first), T0); // another receiver keeps the CRCs
    r.accept("frame 4", AflTelegrams.whole(2740, 0x2B), T0);
    r.accept("frame 5", first, T0); // a receiver that delivers late
    assertThat(seen.readings).hasSize(2);
    assertThat(seen.bad).isEmpty();
    assertThat(seen.duplicates)
        .containsExactly("frame 2: ELS-12345678", "frame 3: ELS-12345678", "frame 5: ELS-12345678");
    assertThat(r.stats().duplicates()).isEqualTo(3);
  }

  @Test
  void checksTheCounterOfAReassembledMessage() {
    Seen seen = new Seen();
    WMBusReceiver r = receiver(seen, new MessageCounters());
    List<byte[]> message = AflTelegrams.fragments(2739, -1, 14, 12);
    for (byte[] f : message) {
      r.accept("fragment", f, T0);
    }
    for (byte[] f : message) {
      r.accept("again", f, T0); // every fragment repeated: duplicates, no second reading
    }
    r.accept("old", AflTelegrams.whole(2700, 0x2A), T0);
    assertThat(seen.readings).hasSize(1);
    assertThat(seen.duplicates).hasSize(1);
    assertThat(seen.bad).singleElement().asString().contains("message counter 2700", "2739");
    assertThat(r.stats().fragments()).isEqualTo(6);
  }

  @Test
  void checksNoCounterWhereTheTelegramHasNone() {
    Seen seen = new Seen();
    WMBusReceiver r = receiver(seen, new MessageCounters());
    byte[] w3 =
        AflTelegrams.HEX.parseHex(
            "2E4493157856341233037A2A0000002F2F0C1427048502046D32371F1502FD1700002F2F2F2F2F2F2F2F2F2F2F2F2F");
    r.accept("1", w3, T0);
    r.accept("2", w3, T0);
    assertThat(seen.readings).hasSize(2);
    assertThat(seen.duplicates).isEmpty();
  }

  @Test
  void keepsTheCountersAcrossARestartInAnAtomicallyWrittenFile(@TempDir Path dir) {
    Path file = dir.resolve("wmbus-counters");
    CounterFile before = CounterFile.open(file);
    receiver(new Seen(), before.counters()).accept("1", AflTelegrams.whole(2739, 0x2A), T0);
    assertThat(before.saveIfChanged()).isTrue();
    assertThat(before.saveIfChanged()).isFalse();
    assertThat(dir.resolve("wmbus-counters.tmp")).doesNotExist();

    CounterFile after = CounterFile.open(file);
    assertThat(after.counters().lastAccepted("ELS-12345678")).isEqualTo(2739);
    Seen seen = new Seen();
    WMBusReceiver r = receiver(seen, after.counters());
    r.accept("1", AflTelegrams.whole(2739, 0x2A), T0); // the same telegram: a duplicate
    r.accept("2", AflTelegrams.whole(2739, 0x2B), T0); // same counter, other bytes: a replay
    assertThat(seen.duplicates).hasSize(1);
    assertThat(seen.bad).singleElement().asString().contains("last accepted 2739");
  }

  @Test
  void namesTheFileAndLineOfAMalformedCounterFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("counters");
    Files.writeString(file, CounterFileHeader.TEXT + "ELS-12345678 many\n");
    assertThatThrownBy(() -> CounterFile.open(file))
        .isInstanceOf(WMBusConfigException.class)
        .hasMessageStartingWith("wM-Bus counter file " + file + " line 2: ");
    Files.writeString(file, "ELS-12345678 99999999999\n");
    assertThatThrownBy(() -> CounterFile.open(file))
        .isInstanceOf(WMBusConfigException.class)
        .hasMessage(
            "wM-Bus counter file "
                + file
                + " line 1: counter of ELS-12345678 must be 0 to 4294967295, got 99999999999");
  }

  @Test
  void startsEmptyWithoutAFile(@TempDir Path dir) {
    assertThat(CounterFile.open(dir.resolve("none")).counters().snapshot()).isEmpty();
  }

  /** The file's header line, as a reader would see it. */
  static final class CounterFileHeader {
    static final String TEXT = "# loadlens wM-Bus message counters v1\n";
  }
}
