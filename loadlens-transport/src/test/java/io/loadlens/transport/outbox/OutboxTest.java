package io.loadlens.transport.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

  @TempDir Path dir;

  private OutboxSettings settings(long segment, long max) {
    return new OutboxSettings(dir, segment, max, true);
  }

  private static byte[] rec(int i) {
    return ("record-" + i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unacknowledgedRecordsSurviveARestartInOrder() {
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      List<Long> seqs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        seqs.add(o.append(rec(i)));
      }
      o.ack(seqs.get(0));
      o.ack(seqs.get(5));
    }
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      assertThat(o.pending().values().stream().map(b -> new String(b, StandardCharsets.UTF_8)))
          .containsExactly(
              "record-1",
              "record-2",
              "record-3",
              "record-4",
              "record-6",
              "record-7",
              "record-8",
              "record-9");
      long next = o.append(rec(10));
      assertThat(next).isEqualTo(11);
    }
  }

  @Test
  void deliveredSegmentsAreDeleted() throws IOException {
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      List<Long> seqs = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        seqs.add(o.append(new byte[100]));
      }
      assertThat(o.segmentCount()).isGreaterThan(40);
      seqs.forEach(o::ack);
      assertThat(o.segmentCount()).isEqualTo(1); // the active one
      assertThat(o.pendingCount()).isZero();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".seg")).count()).isLessThanOrEqualTo(1);
    }
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      assertThat(o.pendingCount()).isZero();
    }
  }

  @Test
  void tornTailIsCutOffAndEarlierRecordsKept() throws IOException {
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      o.append(rec(1));
      o.append(rec(2));
    }
    Path seg;
    try (Stream<Path> files = Files.list(dir)) {
      seg = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
    Files.write(
        seg, new byte[] {0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 50, 1, 2}, StandardOpenOption.APPEND);
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      assertThat(o.pendingCount()).isEqualTo(2);
      assertThat(o.append(rec(3))).isEqualTo(3);
    }
  }

  @Test
  void corruptedRecordEndsRecoveryAtThatRecord() throws IOException {
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      o.append(rec(1));
      o.append(rec(2));
    }
    Path seg;
    try (Stream<Path> files = Files.list(dir)) {
      seg = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
    byte[] b = Files.readAllBytes(seg);
    b[b.length - 1] ^= 0x55; // payload of record 2 no longer matches its CRC-32C
    Files.write(seg, b);
    try (Outbox o = Outbox.open(settings(4096, 1 << 20))) {
      assertThat(o.pending().values()).containsExactly(rec(1));
    }
  }

  @Test
  void fullOutboxRefusesWithAClearAlarm() {
    try (Outbox o = Outbox.open(settings(4096, 8192))) {
      int stored = 0;
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  o.append(new byte[500]);
                }
              })
          .isInstanceOf(OutboxFullException.class)
          .hasMessageContaining("would exceed maxBytes 8192")
          .hasMessageContaining("records await acknowledgement");
      assertThat(o.rejectedCount()).isEqualTo(1);
      stored = o.pendingCount();
      assertThat(stored).isEqualTo(15);
    }
  }

  @Test
  void settingsNameTheField() {
    assertThatThrownBy(() -> new OutboxSettings(dir, 100, 1000, true))
        .hasMessage("outbox.segmentBytes: 100 is below 4096");
    assertThatThrownBy(() -> new OutboxSettings(dir, 8192, 4096, true))
        .hasMessage("outbox.maxBytes: 4096 is below segmentBytes 8192");
  }
}
