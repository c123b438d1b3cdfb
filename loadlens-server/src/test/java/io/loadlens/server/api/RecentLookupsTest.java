package io.loadlens.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentLookupsTest {

  final AtomicLong nanos = new AtomicLong();
  final AtomicInteger asked = new AtomicInteger();
  final RecentLookups<String, String> lookups =
      new RecentLookups<>(Duration.ofSeconds(1), 10, nanos::get);

  Optional<String> ask(String k) {
    asked.incrementAndGet();
    return k.startsWith("known") ? Optional.of(k.toUpperCase()) : Optional.empty();
  }

  @Test
  void answerIsReusedWithinTheTtlAndAskedAgainAfterIt() {
    assertThat(lookups.get("known1", this::ask)).hasValue("KNOWN1");
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(lookups.get("known1", this::ask)).hasValue("KNOWN1");
    assertThat(asked).hasValue(1);
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    lookups.get("known1", this::ask);
    assertThat(asked).hasValue(2);
  }

  @Test
  void emptyAnswerIsNotRemembered() {
    assertThat(lookups.get("other", this::ask)).isEmpty();
    assertThat(lookups.get("other", this::ask)).isEmpty();
    assertThat(asked).hasValue(2);
  }
}
