package io.loadlens.vee;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.ObisCode;
import io.loadlens.model.ValidatedSeries;
import io.loadlens.vee.VeeInput.Channels;
import io.loadlens.vee.internal.ChannelVee;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Validation, estimation and editing of one meter's interval data. Stateless and thread-safe: one
 * engine serves any number of meters in parallel. The same input and configuration always give the
 * same result, and every validated series carries {@link #VEE_VERSION} and the configuration's
 * fingerprint, so re-running VEE is idempotent and its output says which rules made it.
 *
 * <p>Raw series are never changed: the result is a new, complete regular series per direction.
 */
public final class VeeEngine {
  /** The version of the VEE rules; bumped whenever a change can alter a validated series. */
  public static final String VEE_VERSION = "1.3.0";

  private final VeeConfig config;
  private final ChannelVee channel;
  private final String version;

  public VeeEngine(VeeConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.channel = new ChannelVee(config);
    this.version = VEE_VERSION + "+" + config.fingerprint();
  }

  public VeeConfig config() {
    return config;
  }

  /** The version string written into every validated series: rules version + config fingerprint. */
  public String version() {
    return version;
  }

  /** Runs VEE over every direction present in the input. */
  public VeeResult run(VeeInput input) {
    Map<ObisCode, IntervalSeries[]> byOutput = new TreeMap<>();
    for (IntervalSeries s : input.channels()) {
      IntervalSeries[] pair =
          byOutput.computeIfAbsent(Channels.output(s.obis()), k -> new IntervalSeries[2]);
      int slot = Channels.isInterval(s.obis()) ? 0 : 1;
      if (pair[slot] != null) {
        throw new IllegalArgumentException(
            "VeeInput.channels: " + s.obis() + " is given twice for meter " + input.meter().id());
      }
      pair[slot] = s;
    }
    List<ValidatedSeries> out = new ArrayList<>();
    List<MeterEvent> findings = new ArrayList<>();
    for (Map.Entry<ObisCode, IntervalSeries[]> e : byOutput.entrySet()) {
      ChannelVee.Context ctx =
          new ChannelVee.Context(
              input.meter().id(),
              e.getKey(),
              input.meter().zone().getRules(),
              input.meter().capacityKw(),
              input.from().getEpochSecond(),
              input.intervals(),
              input.intervalSeconds(),
              input.rowTime() == VeeInput.RowTime.INTERVAL_END,
              input.history(),
              input.segmentProfile(),
              version);
      ValidatedSeries v = channel.run(e.getValue()[0], e.getValue()[1], ctx, findings);
      out.add(VeeEditor.apply(v, editsFor(input, e.getKey())));
    }
    findings.sort(Comparator.comparing(MeterEvent::start).thenComparing(MeterEvent::kind));
    return new VeeResult(out, findings, VeeSummary.of(input.meter().id(), out, findings));
  }

  private static List<ManualEdit> editsFor(VeeInput input, ObisCode obis) {
    return input.edits().stream().filter(m -> m.obis().equals(obis)).toList();
  }
}
