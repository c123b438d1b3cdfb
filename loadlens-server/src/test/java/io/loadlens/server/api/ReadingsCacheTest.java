package io.loadlens.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadingsCacheTest {

  static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  final AtomicLong nanos = new AtomicLong();
  final AtomicInteger computed = new AtomicInteger();

  static ReadingsCache.Key key(String meter, Instant lastCapture) {
    return new ReadingsCache.Key(
        MeterId.of(meter),
        ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL,
        FROM,
        FROM.plusSeconds(3600),
        ReadingsQuery.Source.RAW,
        null,
        ReadingsQuery.Aggregation.SUM,
        ZoneOffset.UTC,
        lastCapture);
  }

  ReadingsBody body(int rows) {
    computed.incrementAndGet();
    long[] t = new long[rows];
    double[] v = new double[rows];
    for (int i = 0; i < rows; i++) {
      t[i] = FROM.getEpochSecond() + 900L * i;
      v[i] = i;
    }
    return ReadingsBody.of(
        new Readings(
            "M",
            "1-0:1.29.0.255",
            "Wh",
            "raw",
            900,
            "none",
            FROM,
            FROM,
            rows,
            t,
            v,
            null,
            null,
            new int[rows],
            null,
            null));
  }

  ReadingsCache cache(long maxBytes) {
    return new ReadingsCache(Duration.ofSeconds(10), maxBytes, nanos::get);
  }

  @Test
  void sameQuestionWithinTheTtlIsAnsweredOnce() {
    ReadingsCache c = cache(1 << 20);
    ReadingsBody first = c.get(key("M1", FROM), () -> body(4));
    ReadingsBody second = c.get(key("M1", FROM), () -> body(4));
    assertThat(second).isSameAs(first);
    assertThat(computed).hasValue(1);
    assertThat(c.stats().hits()).isEqualTo(1);
  }

  @Test
  void answerOlderThanTheTtlIsComputedAgain() {
    ReadingsCache c = cache(1 << 20);
    c.get(key("M1", FROM), () -> body(4));
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    c.get(key("M1", FROM), () -> body(4));
    assertThat(computed).hasValue(2);
  }

  @Test
  void newLatestCaptureTimeIsANewQuestion() {
    ReadingsCache c = cache(1 << 20);
    c.get(key("M1", FROM), () -> body(4));
    c.get(key("M1", FROM.plusSeconds(900)), () -> body(5));
    assertThat(computed).hasValue(2);
  }

  @Test
  void invalidatingAMeterDropsOnlyItsAnswers() {
    ReadingsCache c = cache(1 << 20);
    c.get(key("M1", FROM), () -> body(4));
    c.get(key("M2", FROM), () -> body(4));
    c.invalidate(MeterId.of("M1"));
    c.get(key("M1", FROM), () -> body(4));
    c.get(key("M2", FROM), () -> body(4));
    assertThat(computed).hasValue(3);
    assertThat(c.stats().entries()).isEqualTo(2);
  }

  @Test
  void byteBoundEvictsTheLeastRecentlyUsedAnswer() {
    long one = body(1000).weight();
    computed.set(0);
    ReadingsCache c = cache(2 * one + one / 2);
    c.get(key("M1", FROM), () -> body(1000));
    c.get(key("M2", FROM), () -> body(1000));
    c.get(key("M1", FROM), () -> body(1000)); // M1 now most recent
    c.get(key("M3", FROM), () -> body(1000)); // evicts M2
    assertThat(c.stats().entries()).isEqualTo(2);
    assertThat(c.stats().bytes()).isLessThanOrEqualTo(2 * one + one / 2);
    c.get(key("M1", FROM), () -> body(1000));
    assertThat(computed).hasValue(3);
    c.get(key("M2", FROM), () -> body(1000));
    assertThat(computed).hasValue(4);
  }

  @Test
  void failedComputationIsNotCached() {
    ReadingsCache c = cache(1 << 20);
    assertThatThrownBy(
            () ->
                c.get(
                    key("M1", FROM),
                    () -> {
                      throw ApiException.notFound("no validated data");
                    }))
        .isInstanceOf(ApiException.class);
    c.get(key("M1", FROM), () -> body(4));
    assertThat(computed).hasValue(1);
  }

  @Test
  void zeroTtlTurnsTheCacheOff() {
    ReadingsCache c = new ReadingsCache(Duration.ZERO, 1 << 20, nanos::get);
    c.get(key("M1", FROM), () -> body(4));
    c.get(key("M1", FROM), () -> body(4));
    assertThat(computed).hasValue(2);
  }
}
