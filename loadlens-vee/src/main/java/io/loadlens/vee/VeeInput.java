package io.loadlens.vee;

import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One meter's raw data as read, and what VEE needs to judge it.
 *
 * <p>Channels: cumulative registers {@code 1-0:1.8.0.255} / {@code 1-0:2.8.0.255} (a register value
 * at each capture instant; interval energy is the difference of consecutive readings) and/or
 * interval energy {@code 1-0:1.29.0.255} / {@code 1-0:2.29.0.255} (Wh per interval). When both the
 * register and the interval channel of one direction are given, the interval channel supplies the
 * values and the register supplies known totals across gaps and the register check. All in Wh.
 *
 * @param meter the meter: id, time zone (for day types only; all arithmetic is in UTC epoch
 *     seconds) and optional capacity
 * @param channels raw series as read, never changed by VEE
 * @param interval the profile's capture period, e.g. 15 minutes
 * @param from start of the expected span (inclusive), on the interval grid
 * @param to end of the expected span (exclusive)
 * @param rowTime what the time of an interval-energy row means (register rows are instants)
 * @param history earlier validated series of this meter (same interval), for similar days
 * @param segmentProfile the typical profile of the meter's segment, for meters without history;
 *     null when none
 * @param edits manual edits to apply over the result (re-applied on every run)
 */
public record VeeInput(
    MeterInfo meter,
    List<IntervalSeries> channels,
    Duration interval,
    Instant from,
    Instant to,
    RowTime rowTime,
    List<ValidatedSeries> history,
    SegmentProfile segmentProfile,
    List<ManualEdit> edits) {

  /** What the timestamp of an interval-energy row marks. */
  public enum RowTime {
    /** The end of the interval, as a DLMS load profile captures it. */
    INTERVAL_END,
    /** The start of the interval, as many CSV exports write it. */
    INTERVAL_START
  }

  public VeeInput {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rowTime, "rowTime");
    channels = List.copyOf(channels);
    history = List.copyOf(history == null ? List.of() : history);
    edits = List.copyOf(edits == null ? List.of() : edits);
    long s = interval.getSeconds();
    if (s <= 0 || interval.getNano() != 0 || 86_400 % s != 0) {
      throw new IllegalArgumentException(
          "VeeInput.interval must be whole seconds dividing one day, got " + interval);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "VeeInput.to (" + to + ") must be after VeeInput.from (" + from + ")");
    }
    if ((to.getEpochSecond() - from.getEpochSecond()) % s != 0 || from.getNano() != 0) {
      throw new IllegalArgumentException(
          "VeeInput span " + from + " .. " + to + " is not a whole number of " + interval);
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("VeeInput.channels is empty for meter " + meter.id());
    }
    for (IntervalSeries c : channels) {
      if (!c.meter().equals(meter.id())) {
        throw new IllegalArgumentException(
            "VeeInput.channels: series of " + c.meter() + " given for meter " + meter.id());
      }
      if (c.unit() != Unit.WATT_HOUR) {
        throw new IllegalArgumentException(
            "VeeInput.channels: " + c.obis() + " is in " + c.unit() + ", expected Wh");
      }
      if (!Channels.isSupported(c.obis())) {
        throw new IllegalArgumentException(
            "VeeInput.channels: unsupported channel "
                + c.obis()
                + " (expected 1-0:1.8.0.255, 1-0:2.8.0.255, 1-0:1.29.0.255 or 1-0:2.29.0.255)");
      }
    }
    for (ValidatedSeries h : history) {
      if (h.intervalSeconds() != s) {
        throw new IllegalArgumentException(
            "VeeInput.history: "
                + h
                + " has interval "
                + h.intervalSeconds()
                + " s, expected "
                + s
                + " s");
      }
    }
  }

  /** Starts an input for one meter and span with interval rows stamped at the interval end. */
  public static Builder builder(MeterInfo meter, Duration interval, Instant from, Instant to) {
    return new Builder(meter, interval, from, to);
  }

  /** The interval in seconds. */
  public int intervalSeconds() {
    return (int) interval.getSeconds();
  }

  /** The number of intervals in the span. */
  public int intervals() {
    return (int) ((to.getEpochSecond() - from.getEpochSecond()) / interval.getSeconds());
  }

  /** Builds a {@link VeeInput}. */
  public static final class Builder {
    private final MeterInfo meter;
    private final Duration interval;
    private final Instant from;
    private final Instant to;
    private final List<IntervalSeries> channels = new ArrayList<>();
    private final List<ValidatedSeries> history = new ArrayList<>();
    private final List<ManualEdit> edits = new ArrayList<>();
    private RowTime rowTime = RowTime.INTERVAL_END;
    private SegmentProfile segmentProfile;

    private Builder(MeterInfo meter, Duration interval, Instant from, Instant to) {
      this.meter = meter;
      this.interval = interval;
      this.from = from;
      this.to = to;
    }

    public Builder channel(IntervalSeries series) {
      channels.add(series);
      return this;
    }

    public Builder rowTime(RowTime v) {
      rowTime = v;
      return this;
    }

    public Builder history(ValidatedSeries series) {
      history.add(series);
      return this;
    }

    public Builder segmentProfile(SegmentProfile v) {
      segmentProfile = v;
      return this;
    }

    public Builder edit(ManualEdit edit) {
      edits.add(edit);
      return this;
    }

    public VeeInput build() {
      return new VeeInput(
          meter, channels, interval, from, to, rowTime, history, segmentProfile, edits);
    }
  }

  /** The channels VEE understands and the interval channel each one produces. */
  static final class Channels {
    private Channels() {}

    static boolean isSupported(ObisCode c) {
      return isRegister(c) || isInterval(c);
    }

    static boolean isRegister(ObisCode c) {
      return c.equals(ObisCode.ACTIVE_ENERGY_IMPORT) || c.equals(ObisCode.ACTIVE_ENERGY_EXPORT);
    }

    static boolean isInterval(ObisCode c) {
      return c.equals(ObisCode.ACTIVE_ENERGY_IMPORT_INTERVAL)
          || c.equals(ObisCode.ACTIVE_ENERGY_EXPORT_INTERVAL);
    }

    /** The interval-energy channel that a register or interval channel is validated as. */
    static ObisCode output(ObisCode c) {
      return isInterval(c)
          ? c
          : new ObisCode(c.a(), c.b(), c.c(), 29, c.e(), c.f()); // 1.8.0 -> 1.29.0
    }
  }
}
