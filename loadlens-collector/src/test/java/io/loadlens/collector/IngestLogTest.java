package io.loadlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestLogTest {
  static MeterOutcome outcome(OperatorCode code, int rows, int gaps, String reason, long ms) {
    return new MeterOutcome(
        MeterId.of("SIM-00001"),
        "",
        Optional.ofNullable(code),
        rows,
        gaps,
        0,
        1,
        Duration.ofMillis(ms),
        Duration.ofMillis(ms / 2),
        reason);
  }

  @Test
  void writesTheSuccessLineOperatorsGrepFor() {
    assertThat(IngestLog.line(outcome(null, 96, 0, "", 41)))
        .isEqualTo(
            "SUCCESS: Profile Transferred meter=SIM-00001 rows=96 gaps=0 attempts=1 duration_ms=41 session_ms=20");
  }

  @Test
  void writesFailuresWithTheirOperatorCode() {
    assertThat(
            IngestLog.line(outcome(OperatorCode.AUTHENTICATION_FAILURE, 0, 0, "AARE rejected", 9)))
        .isEqualTo(
            "FAILURE code=0x05 meter=SIM-00001 rows=0 attempts=1 duration_ms=9 session_ms=4 reason=AARE rejected");
    assertThat(IngestLog.line(outcome(OperatorCode.TIMEOUT, 0, 0, "no answer", 5000)))
        .startsWith("FAILURE code=TIMEOUT meter=SIM-00001");
  }

  @Test
  void marksATransferWithGapsWithCode0x09() {
    assertThat(IngestLog.line(outcome(OperatorCode.PROFILE_ENTRY_MISSING, 90, 6, "", 40)))
        .startsWith("SUCCESS: Profile Transferred meter=SIM-00001 rows=90 gaps=6 code=0x09");
  }

  @Test
  void summarisesAPassWithPercentiles() {
    List<MeterOutcome> all =
        List.of(
            outcome(null, 96, 0, "", 10),
            outcome(null, 96, 0, "", 20),
            outcome(OperatorCode.AUTHENTICATION_FAILURE, 0, 0, "x", 30));
    PassSummary s = PassSummary.of(Instant.EPOCH, all, Duration.ofSeconds(1));
    assertThat(s.p50()).isEqualTo(Duration.ofMillis(10));
    assertThat(s.p99()).isEqualTo(Duration.ofMillis(15));
    assertThat(IngestLog.summaryLine(s))
        .isEqualTo(
            "PASS meters=3 ok=2 failed=1 failed_0x05=1 rows=192 gaps=0 duration_ms=1000"
                + " p50_ms=10 p99_ms=15");
  }
}
