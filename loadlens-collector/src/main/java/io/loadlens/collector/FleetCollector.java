package io.loadlens.collector;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.internal.Backoff;
import io.loadlens.collector.internal.ConnectionPermits;
import io.loadlens.collector.internal.InvocationCounters;
import io.loadlens.collector.internal.MeterJob;
import io.loadlens.collector.metrics.MicrometerCollectionListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

/**
 * The head-end: reads every meter of a fleet in one pass, one virtual thread per meter, under the
 * bounds of {@link CollectorSettings}. Configuration is frozen when built. Thread-safe; passes
 * should not overlap (the scheduler runs them one after another).
 *
 * <pre>{@code
 * FleetCollector c = FleetCollector.builder(fleet, reader, stateDir)
 *     .captureTimes(store::lastCaptureTime).readings(outbox::put).events(events::add)
 *     .listener(progress).meterRegistry(registry).build();
 * PassSummary s = c.runPass();
 * }</pre>
 */
public final class FleetCollector {
  private final FleetConfig fleet;
  private final CollectionListener listener;
  private final Clock clock;
  private final MeterJob.Context context;

  private FleetCollector(Builder b) {
    this.fleet = b.fleet;
    this.clock = b.clock;
    List<CollectionListener> ls = new ArrayList<>(b.listeners);
    ls.add(new IngestLog());
    if (b.registry != null) {
      ls.add(new MicrometerCollectionListener(b.registry));
    }
    this.listener = CollectionListener.all(ls.toArray(CollectionListener[]::new));
    CollectorSettings s = b.settings;
    this.context =
        new MeterJob.Context(
            b.reader,
            new ConnectionPermits(
                s.maxConnections(),
                s.maxNewConnectionsPerSecond(),
                s.maxConnectionsPerGroup(),
                b.clock,
                b.sleeper),
            new InvocationCounters(b.stateDir),
            b.captureTimes,
            b.readings,
            b.events,
            b.clock,
            b.sleeper,
            new Backoff(s.backoffBase(), s.backoffMax(), b.random),
            s.initialDays());
  }

  public static Builder builder(FleetConfig fleet, MeterReader reader, Path stateDir) {
    return new Builder(fleet, reader, stateDir);
  }

  public FleetConfig fleet() {
    return fleet;
  }

  /**
   * Reads every meter once and waits for all of them.
   *
   * @throws CollectionException when the reading sink or event sink failed (the pass still ran for
   *     every meter)
   */
  public PassSummary runPass() {
    return run(fleet.meters());
  }

  /** Reads the given meters of the fleet once (e.g. to re-read failed meters). */
  public PassSummary run(List<MeterConfig> meters) {
    Instant started = clock.instant();
    listener.passStarted(meters.size());
    List<Future<MeterOutcome>> futures = new ArrayList<>(meters.size());
    try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
      for (MeterConfig m : meters) {
        futures.add(exec.submit(() -> readOne(m)));
      }
    }
    List<MeterOutcome> outcomes = new ArrayList<>(meters.size());
    RuntimeException sinkFailure = null;
    for (Future<MeterOutcome> f : futures) {
      try {
        outcomes.add(f.get());
      } catch (ExecutionException e) {
        if (sinkFailure == null) {
          sinkFailure = new CollectionException("delivery failed: " + e.getCause(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CollectionException("pass interrupted", e);
      }
    }
    PassSummary summary =
        PassSummary.of(started, outcomes, Duration.between(started, clock.instant()));
    listener.passFinished(summary);
    if (sinkFailure != null) {
      throw sinkFailure;
    }
    return summary;
  }

  private MeterOutcome readOne(MeterConfig m) {
    MeterOutcome o = new MeterJob(m, context).run();
    listener.meterFinished(o);
    return o;
  }

  /**
   * Builds a {@link FleetCollector}; everything but the fleet, reader and state dir is optional.
   */
  public static final class Builder {
    private final FleetConfig fleet;
    private final MeterReader reader;
    private final Path stateDir;
    private CollectorSettings settings = CollectorSettings.STANDARD;
    private CaptureTimeSource captureTimes = CaptureTimeSource.NEVER_READ;
    private ReadingSink readings = b -> {};
    private EventSink events = e -> {};
    private final List<CollectionListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = new Random()::nextDouble;
    private MeterRegistry registry;

    private Builder(FleetConfig fleet, MeterReader reader, Path stateDir) {
      this.fleet = Objects.requireNonNull(fleet, "fleet");
      this.reader = Objects.requireNonNull(reader, "reader");
      this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    }

    public Builder settings(CollectorSettings v) {
      settings = Objects.requireNonNull(v);
      return this;
    }

    public Builder captureTimes(CaptureTimeSource v) {
      captureTimes = Objects.requireNonNull(v);
      return this;
    }

    public Builder readings(ReadingSink v) {
      readings = Objects.requireNonNull(v);
      return this;
    }

    public Builder events(EventSink v) {
      events = Objects.requireNonNull(v);
      return this;
    }

    /** Adds a listener (the ingest log is always added). */
    public Builder listener(CollectionListener v) {
      listeners.add(Objects.requireNonNull(v));
      return this;
    }

    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v);
      return this;
    }

    public Builder sleeper(Sleeper v) {
      sleeper = Objects.requireNonNull(v);
      return this;
    }

    /** The jitter source: uniform values in [0, 1). */
    public Builder random(DoubleSupplier v) {
      random = Objects.requireNonNull(v);
      return this;
    }

    public Builder meterRegistry(MeterRegistry v) {
      registry = v;
      return this;
    }

    public FleetCollector build() {
      return new FleetCollector(this);
    }
  }
}
