package io.loadlens.simulator;

import io.loadlens.simulator.fault.FaultKind;
import io.loadlens.simulator.meter.FaultPolicy;
import io.loadlens.simulator.meter.MeterIdentity;
import io.loadlens.simulator.meter.SimulatedMeter;
import java.util.Optional;
import java.util.Set;

/**
 * One meter of a running fleet.
 *
 * @param identity address, system title and keys
 * @param data what the meter serves (and the household behind it)
 * @param faults the faults it was given
 * @param policy the connection hooks of its transient faults, when it has any
 * @param listening false for an offline meter (nothing listens at its address)
 */
public record FleetMeter(
    MeterIdentity identity,
    SimulatedMeter data,
    Set<FaultKind> faults,
    Optional<FaultPolicy> policy,
    boolean listening) {}
