package io.loadlens.collector.internal;

import io.loadlens.collector.CaptureTimeSource;
import io.loadlens.collector.EventSink;
import io.loadlens.collector.MeterOutcome;
import io.loadlens.collector.MeterReader;
import io.loadlens.collector.MeterSession;
import io.loadlens.collector.ProfileRows;
import io.loadlens.collector.ReadFailure;
import io.loadlens.collector.ReadingSink;
import io.loadlens.collector.Sleeper;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ReadingBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads one meter in one pass: catch-up ranges per profile, sessions under the connection permits,
 * retries with backoff, then delivery of one {@link ReadingBatch} and the events. Profiles already
 * read are kept across retries; a retry asks only for the rest.
 */
public final class MeterJob {
  /** The batch source name of DLMS reads. */
  public static final String SOURCE = "dlms";

  /**
   * How far the stored invocation counter moves past a connect or request that failed: the counters
   * it used are not known for sure (AARQ and HLS pass 3 each use one, a request in flight one
   * more). Skipping unused values is harmless (DLMS UA 1000-2 Ed. 10, 9.2.7.2 only requires them to
   * increase); reusing one makes the meter reject the next session as a replay.
   */
  public static final int COUNTER_SKIP_AFTER_FAILURE = 16;

  /**
   * How far the stored counter moves at least after the meter refused it as replayed or stale and
   * did not say, through its public client, which counter it last accepted. A refusal means the
   * meter has accepted a higher counter from this client title before: the collector's state was
   * lost or restored from a backup, or another tool used the same title. The counter then moves by
   * this much or by its own value, whichever is more (it doubles), so a meter's counter is passed
   * within a few passes without spending more than half of the 32-bit range; one attempt per pass,
   * as meters may lock out a client after repeated refusals. A meter that says where it stands is
   * associated again at once above that counter.
   */
  public static final long COUNTER_SKIP_AFTER_REPLAY = 65_536;

  /** The largest invocation counter (32 bits, DLMS UA 1000-2 Ed. 10, 9.2.7.2). */
  static final long MAX_COUNTER = 0xFFFF_FFFFL;

  /** What every job of a pass shares. */
  public record Context(
      MeterReader reader,
      ConnectionPermits permits,
      InvocationCounters counters,
      CaptureTimeSource captureTimes,
      ReadingSink readings,
      EventSink events,
      Clock clock,
      Sleeper sleeper,
      Backoff backoff,
      int initialDays) {}

  private final MeterConfig meter;
  private final Context ctx;
  private final List<IntervalSeries> series = new ArrayList<>();
  private final List<MeterEvent> events = new ArrayList<>();
  private int rows;
  private int gaps;
  private int faultRows;
  private long sessionNanos;

  public MeterJob(MeterConfig meter, Context ctx) {
    this.meter = meter;
    this.ctx = ctx;
  }

  /** Reads, delivers and reports; a failing {@link ReadingSink} propagates. */
  public MeterOutcome run() {
    Instant started = ctx.clock().instant();
    List<ObisCode> remaining = new ArrayList<>(meter.profiles());
    int attempts = 0;
    ReadFailure failure = null;
    while (!remaining.isEmpty()) {
      attempts++;
      try {
        session(remaining, started);
        failure = null;
      } catch (ReadFailure f) {
        failure = f;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new ReadFailure(OperatorCode.CONNECTION_LOST, "interrupted", false, e);
      } catch (RuntimeException e) {
        failure =
            new ReadFailure(
                OperatorCode.PROTOCOL_ERROR, "unusable answer: " + e.getMessage(), false, e);
      }
      if (failure == null) {
        break;
      }
      if (!failure.retriable() || attempts > meter.retries() || !backoff(attempts)) {
        break;
      }
    }
    deliver();
    Instant end = ctx.clock().instant();
    if (failure != null) {
      ctx.events()
          .accept(
              new MeterEvent(
                  meter.id(),
                  MeterEvent.Kind.READ_FAILURE,
                  started,
                  end,
                  failure.code(),
                  failure.getMessage() + " (after " + attempts + " attempts)"));
    }
    return new MeterOutcome(
        meter.id(),
        meter.group(),
        code(failure),
        rows,
        gaps,
        faultRows,
        attempts,
        Duration.between(started, end),
        Duration.ofNanos(sessionNanos),
        reason(failure, attempts));
  }

  private boolean backoff(int attempt) {
    try {
      ctx.sleeper().sleep(ctx.backoff().delay(attempt));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void session(List<ObisCode> remaining, Instant now) throws InterruptedException {
    boolean counted = meter.security() == MeterConfig.Security.HLS_GMAC;
    try (ConnectionPermits.Permit permit = ctx.permits().acquire(meter.group())) {
      long t0 = System.nanoTime();
      try {
        connected(remaining, now, counted);
      } finally {
        sessionNanos += System.nanoTime() - t0;
      }
    }
  }

  private void connected(List<ObisCode> remaining, Instant now, boolean counted) {
    long counter = counted ? ctx.counters().next(meter.id()) : 0;
    MeterSession s;
    try {
      s = ctx.reader().open(meter, counter);
    } catch (RuntimeException e) {
      if (!counted) {
        throw e;
      }
      if (!(e instanceof ReadFailure f && f.code() == OperatorCode.REPLAY_DETECTED)) {
        // the association may have used counters (AARQ, HLS pass 3): never offer them again
        ctx.counters().advance(meter.id(), counter + COUNTER_SKIP_AFTER_FAILURE);
        throw e;
      }
      OptionalLong accepted = ctx.reader().acceptedInvocationCounter(meter);
      if (accepted.isEmpty() || accepted.getAsLong() < counter) {
        ctx.counters().advance(meter.id(), afterReplay(counter));
        throw e;
      }
      // the meter says where it stands: continue above it, once, in this pass
      counter = accepted.getAsLong() + 1;
      ctx.counters().advance(meter.id(), counter);
      try {
        s = ctx.reader().open(meter, counter);
      } catch (RuntimeException again) {
        ctx.counters().advance(meter.id(), counter + COUNTER_SKIP_AFTER_FAILURE);
        throw again;
      }
    }
    boolean clean = false;
    try {
      Iterator<ObisCode> it = remaining.iterator();
      while (it.hasNext()) {
        ObisCode profile = it.next();
        Optional<Instant> last = ctx.captureTimes().lastCaptureTime(meter.id(), profile);
        Optional<CatchUp.Range> range =
            CatchUp.range(last, now, ctx.initialDays(), meter.intervalSeconds());
        if (range.isPresent()) {
          ProfileRows read = s.readProfile(profile, range.get().from(), range.get().to());
          add(ProfileConverter.convert(meter, read, range.get()));
        }
        it.remove();
      }
      clean = true;
    } finally {
      if (counted) {
        // after a failed request, the counter it used may not be counted yet: skip ahead
        long next = s.invocationCounter() + (clean ? 0 : COUNTER_SKIP_AFTER_FAILURE);
        ctx.counters().advance(meter.id(), Math.max(next, counter));
      }
      s.close();
    }
  }

  /** The counter to offer after {@code counter} was refused as replayed. */
  static long afterReplay(long counter) {
    return Math.min(MAX_COUNTER, counter + Math.max(COUNTER_SKIP_AFTER_REPLAY, counter));
  }

  private void add(ProfileConverter.Converted c) {
    series.addAll(c.series());
    events.addAll(c.events());
    rows += c.rows();
    gaps += c.gaps();
    faultRows += c.faultRows();
  }

  private void deliver() {
    boolean any = series.stream().anyMatch(s -> !s.isEmpty());
    if (any) {
      ctx.readings()
          .accept(
              new ReadingBatch(
                  UUID.randomUUID(), meter.id(), SOURCE, ctx.clock().instant(), series));
    }
    for (MeterEvent e : events) {
      ctx.events().accept(e);
    }
  }

  private Optional<OperatorCode> code(ReadFailure failure) {
    if (failure != null) {
      return Optional.of(failure.code());
    }
    if (faultRows > 0) {
      return Optional.of(OperatorCode.HARDWARE_FAULT);
    }
    return gaps > 0 ? Optional.of(OperatorCode.PROFILE_ENTRY_MISSING) : Optional.empty();
  }

  private String reason(ReadFailure failure, int attempts) {
    if (failure != null) {
      return failure.getMessage() + " (after " + attempts + " attempts)";
    }
    if (faultRows > 0) {
      return "critical error status (ERR) in "
          + faultRows
          + " of "
          + rows
          + " rows; rows delivered";
    }
    return gaps > 0 ? gaps + " profile entries missing" : "";
  }
}
