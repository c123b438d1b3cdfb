package io.loadlens.vee;

import io.loadlens.vee.ValidationReason.Action;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The VEE rules, frozen when the engine is built. Invalid settings are rejected with an error that
 * names the field; nothing is silently clamped.
 *
 * @param interpolationLimit longest gap filled by linear interpolation (California's VEE standard
 *     uses 2 hours: 8 intervals of 15 minutes); longer gaps use a profile
 * @param billingGapIntervals estimated intervals in gaps longer than this carry {@link
 *     ValidationReason#LONG_GAP} (billing integrity; 4 by default)
 * @param clockTolerance a capture time this close to the grid is snapped to it; farther off, the
 *     row is not placed
 * @param spikeMinIntervals the spike rule needs at least this many values in its window (20)
 * @param spikeThreshold flag the highest value when (highest - third highest) / third highest
 *     exceeds this
 * @param spikeWindow the window the spike rule looks at (one day)
 * @param zeroRunMinimum a run of zeros at least this long is flagged
 * @param flatLineMinimum a run of one constant non-zero value at least this long is flagged
 * @param capacityFactor demand above {@code capacityFactor * capacityKw} is implausible
 * @param registerToleranceWh absolute tolerance of the register check
 * @param registerToleranceRelative relative tolerance of the register check
 * @param similarDays how many similar days (same day type, nearest in date) make a profile (24)
 * @param similarDayWindowDays similar days are taken at most this many days away (the season, 56)
 * @param historyLimitDays history older than this many days before the span is ignored
 * @param enabledChecks the checks that run; a disabled check never sets its reason
 * @param actions per-reason overrides of {@link ValidationReason#defaultAction()}
 */
public record VeeConfig(
    Duration interpolationLimit,
    int billingGapIntervals,
    Duration clockTolerance,
    int spikeMinIntervals,
    double spikeThreshold,
    Duration spikeWindow,
    Duration zeroRunMinimum,
    Duration flatLineMinimum,
    double capacityFactor,
    double registerToleranceWh,
    double registerToleranceRelative,
    int similarDays,
    int similarDayWindowDays,
    int historyLimitDays,
    Set<ValidationReason> enabledChecks,
    Map<ValidationReason, Action> actions) {

  public VeeConfig {
    positive("interpolationLimit", interpolationLimit);
    notNegative("billingGapIntervals", billingGapIntervals);
    Objects.requireNonNull(clockTolerance, "clockTolerance");
    if (clockTolerance.isNegative()) {
      throw new IllegalArgumentException(
          "VeeConfig.clockTolerance must not be negative, got " + clockTolerance);
    }
    notNegative("spikeMinIntervals", spikeMinIntervals);
    positive("spikeThreshold", spikeThreshold);
    positive("spikeWindow", spikeWindow);
    positive("zeroRunMinimum", zeroRunMinimum);
    positive("flatLineMinimum", flatLineMinimum);
    positive("capacityFactor", capacityFactor);
    notNegative("registerToleranceWh", registerToleranceWh);
    notNegative("registerToleranceRelative", registerToleranceRelative);
    positive("similarDays", similarDays);
    positive("similarDayWindowDays", similarDayWindowDays);
    notNegative("historyLimitDays", historyLimitDays);
    Objects.requireNonNull(enabledChecks, "enabledChecks");
    Objects.requireNonNull(actions, "actions");
    enabledChecks =
        enabledChecks.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(enabledChecks)); // rejects null elements
    EnumMap<ValidationReason, Action> copy = new EnumMap<>(ValidationReason.class);
    copy.putAll(actions);
    actions = Map.copyOf(copy);
  }

  /** The defaults described on each field. */
  public static VeeConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The action for a reason: the override if any, else its default. */
  public Action action(ValidationReason reason) {
    return actions.getOrDefault(reason, reason.defaultAction());
  }

  /** Whether a check runs. */
  public boolean enabled(ValidationReason reason) {
    return enabledChecks.contains(reason);
  }

  /**
   * A stable fingerprint of these rules, written into every validated series' version so a series
   * says which rules made it.
   */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder();
    sb.append(interpolationLimit).append(billingGapIntervals).append(clockTolerance);
    sb.append(spikeMinIntervals).append(spikeThreshold).append(spikeWindow);
    sb.append(zeroRunMinimum).append(flatLineMinimum).append(capacityFactor);
    sb.append(registerToleranceWh).append(registerToleranceRelative);
    sb.append(similarDays).append(similarDayWindowDays).append(historyLimitDays);
    for (ValidationReason r : ValidationReason.values()) {
      sb.append(enabled(r) ? '1' : '0').append(action(r).ordinal());
    }
    return String.format("%08x", sb.toString().hashCode());
  }

  private static void positive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("VeeConfig." + field + " must be positive, got " + d);
    }
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("VeeConfig." + field + " must be positive, got " + v);
    }
  }

  private static void notNegative(String field, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          "VeeConfig." + field + " must be zero or positive, got " + v);
    }
  }

  /** Builds a {@link VeeConfig}, starting from the defaults. */
  public static final class Builder {
    private Duration interpolationLimit = Duration.ofHours(2);
    private int billingGapIntervals = 4;
    private Duration clockTolerance = Duration.ofSeconds(30);
    private int spikeMinIntervals = 20;
    private double spikeThreshold = 5.0;
    private Duration spikeWindow = Duration.ofDays(1);
    private Duration zeroRunMinimum = Duration.ofHours(24);
    private Duration flatLineMinimum = Duration.ofHours(8);
    private double capacityFactor = 1.0;
    private double registerToleranceWh = 1.0;
    private double registerToleranceRelative = 0.001;
    private int similarDays = 24;
    private int similarDayWindowDays = 56;
    private int historyLimitDays = 400;
    private Set<ValidationReason> enabledChecks = EnumSet.allOf(ValidationReason.class);
    private final Map<ValidationReason, Action> actions = new EnumMap<>(ValidationReason.class);

    private Builder() {}

    public Builder interpolationLimit(Duration v) {
      interpolationLimit = v;
      return this;
    }

    public Builder billingGapIntervals(int v) {
      billingGapIntervals = v;
      return this;
    }

    public Builder clockTolerance(Duration v) {
      clockTolerance = v;
      return this;
    }

    public Builder spike(int minIntervals, double threshold, Duration window) {
      spikeMinIntervals = minIntervals;
      spikeThreshold = threshold;
      spikeWindow = window;
      return this;
    }

    public Builder zeroRunMinimum(Duration v) {
      zeroRunMinimum = v;
      return this;
    }

    public Builder flatLineMinimum(Duration v) {
      flatLineMinimum = v;
      return this;
    }

    public Builder capacityFactor(double v) {
      capacityFactor = v;
      return this;
    }

    public Builder registerTolerance(double wh, double relative) {
      registerToleranceWh = wh;
      registerToleranceRelative = relative;
      return this;
    }

    public Builder similarDays(int count, int windowDays) {
      similarDays = count;
      similarDayWindowDays = windowDays;
      return this;
    }

    public Builder historyLimitDays(int v) {
      historyLimitDays = v;
      return this;
    }

    public Builder enabledChecks(Set<ValidationReason> v) {
      enabledChecks = v.isEmpty() ? EnumSet.noneOf(ValidationReason.class) : EnumSet.copyOf(v);
      return this;
    }

    public Builder disable(ValidationReason check) {
      enabledChecks = EnumSet.copyOf(enabledChecks);
      enabledChecks.remove(check);
      return this;
    }

    public Builder action(ValidationReason reason, Action action) {
      actions.put(reason, action);
      return this;
    }

    public VeeConfig build() {
      return new VeeConfig(
          interpolationLimit,
          billingGapIntervals,
          clockTolerance,
          spikeMinIntervals,
          spikeThreshold,
          spikeWindow,
          zeroRunMinimum,
          flatLineMinimum,
          capacityFactor,
          registerToleranceWh,
          registerToleranceRelative,
          similarDays,
          similarDayWindowDays,
          historyLimitDays,
          enabledChecks,
          actions);
    }
  }
}
