package io.loadlens.simulator;

import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.MeterId;
import io.loadlens.simulator.fault.FaultAssignment;
import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.fault.FaultPlan;
import io.loadlens.simulator.household.Climate;
import io.loadlens.simulator.household.Household;
import io.loadlens.simulator.household.HouseholdSimulator;
import io.loadlens.simulator.household.Seeds;
import io.loadlens.simulator.household.Weather;
import io.loadlens.simulator.meter.FaultPolicy;
import io.loadlens.simulator.meter.MeterIdentity;
import io.loadlens.simulator.meter.SimulatedMeter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running fleet of simulated DLMS/COSEM meters on loopback, each serving a synthetic household.
 * Start it with {@link #start}; it writes {@code fleet.yaml} and {@code keys/} into the work
 * directory; close it to stop every meter.
 */
public final class SimulatedFleet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedFleet.class);

  /** The meters' server-max-receive-pdu-size: small enough that a day's profile needs blocks. */
  static final int METER_MAX_PDU = 512;

  /** Profile buffers hold at least this many days, like real meters' 60+ days of 15-min rows. */
  static final int MIN_BUFFER_DAYS = 62;

  private final FleetSpec spec;
  private final List<FleetMeter> meters;
  private final List<TcpMeterServer> servers;
  private final GroundTruth truth;
  private final Path fleetFile;

  private SimulatedFleet(
      FleetSpec spec, List<FleetMeter> meters, List<TcpMeterServer> servers, Path fleetFile) {
    this.spec = spec;
    this.meters = List.copyOf(meters);
    this.servers = servers;
    this.truth = new GroundTruth(meters);
    this.fleetFile = fleetFile;
  }

  /**
   * Builds the fleet from the spec, starts a server for every meter that is not offline, and writes
   * {@code fleet.yaml} with its key files into {@code workDir}.
   *
   * @throws java.io.UncheckedIOException when an address cannot be bound (see docs/SIMULATOR.md for
   *     {@code ulimit -n})
   */
  public static SimulatedFleet start(FleetSpec spec, Clock clock, Path workDir) {
    long t0 = System.nanoTime();
    List<FleetMeter> meters = build(spec, clock);
    List<TcpMeterServer> servers = new ArrayList<>(meters.size());
    try {
      for (FleetMeter m : meters) {
        if (m.listening()) {
          servers.add(serve(spec, m));
        }
      }
    } catch (RuntimeException e) {
      servers.forEach(TcpMeterServer::close);
      throw e;
    }
    Path file = workDir.resolve("fleet.yaml");
    FleetFiles.write(file, spec, meters);
    LOG.info(
        "simulated fleet: {} meters ({} listening) from {} in {} ms",
        meters.size(),
        servers.size(),
        spec.address(0),
        (System.nanoTime() - t0) / 1_000_000);
    return new SimulatedFleet(spec, meters, servers, file);
  }

  /** The meters, households and faults of a spec, without starting servers. */
  public static List<FleetMeter> build(FleetSpec spec, Clock clock) {
    Climate climate = Climate.forZone(spec.zone());
    HouseholdSimulator simulator =
        new HouseholdSimulator(
            new Weather(spec.seed(), climate), spec.zone(), spec.intervalMinutes());
    List<MeterId> ids = new ArrayList<>(spec.meters());
    for (int i = 0; i < spec.meters(); i++) {
      ids.add(MeterId.of(String.format("SIM-%05d", i + 1)));
    }
    List<Set<FaultKind>> faults = FaultAssignment.assign(spec.faults(), ids, spec.seed());
    LocalDate install = LocalDate.ofInstant(clock.instant(), spec.zone()).minusDays(spec.days());
    int bufferDays = Math.max(MIN_BUFFER_DAYS, spec.days() + 1);
    List<FleetMeter> meters = new ArrayList<>(spec.meters());
    for (int i = 0; i < spec.meters(); i++) {
      long serial = i + 1;
      Set<FaultKind> kinds = faults.get(i);
      MeterIdentity identity =
          MeterIdentity.create(
              spec.seed(),
              serial,
              spec.address(i),
              spec.port(),
              kinds.contains(FaultKind.WRONG_KEY));
      Household household = Household.generate(Seeds.derive(spec.seed(), 0x4855L, serial), climate);
      FaultPlan plan = new FaultPlan(Seeds.derive(spec.seed(), 0xFA9L, serial), kinds);
      long initialKwh = 500 + Math.floorMod(Seeds.derive(spec.seed(), 0x1D1L, serial), 29_500L);
      long initial = initialKwh * 1_000_000L; // mWh
      SimulatedMeter data =
          new SimulatedMeter(
              identity.id().value(),
              household,
              simulator,
              plan,
              clock,
              install,
              initial,
              bufferDays);
      Optional<FaultPolicy> policy =
          FaultPolicy.needed(plan) ? Optional.of(new FaultPolicy(plan)) : Optional.empty();
      meters.add(new FleetMeter(identity, data, kinds, policy, !kinds.contains(FaultKind.OFFLINE)));
    }
    return meters;
  }

  private static TcpMeterServer serve(FleetSpec spec, FleetMeter m) {
    MeterIdentity id = m.identity();
    MeterServerConfig config =
        new MeterServerConfig(
            spec.framing(),
            spec.security(),
            id.servedPassword().getBytes(StandardCharsets.US_ASCII),
            id.servedGuek(),
            id.servedGak(),
            id.systemTitle(),
            FleetFiles.SERVER_LOGICAL_ADDRESS,
            FleetFiles.SERVER_PHYSICAL_ADDRESS,
            METER_MAX_PDU);
    ConnectionPolicy policy =
        m.policy().<ConnectionPolicy>map(p -> p).orElse(ConnectionPolicy.NONE);
    return TcpMeterServer.start(
        new InetSocketAddress(id.host(), id.port()), config, m.data(), policy);
  }

  public FleetSpec spec() {
    return spec;
  }

  public List<FleetMeter> meters() {
    return meters;
  }

  /** The fleet file written into the work directory at start. */
  public Path fleetFile() {
    return fleetFile;
  }

  /** Writes the fleet file (and its keys/ directory beside it) to another place. */
  public void writeFleetFile(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("create directory for " + file, e);
    }
    FleetFiles.write(file, spec, meters);
  }

  public GroundTruth groundTruth() {
    return truth;
  }

  @Override
  public void close() {
    servers.forEach(TcpMeterServer::close);
  }
}
