package io.loadlens.vee.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Chooses, per meter, gap length and time of day, the {@link GapCandidates candidate} that would
 * have estimated the meter's own data best: the same gap is cut artificially into complete
 * stretches of the meter's data (valid intervals, and its usable history) that start at the same
 * local time of day on the nearest days, each candidate is computed there exactly as it would be
 * for the real gap (from what lies outside the artificial gap only), and the one with the smallest
 * absolute error over all placements wins. When the register gives the energy across the real gap,
 * every candidate is scored after scaling it to the artificial gap's true energy, as the real
 * estimate will be: the shape is chosen, not the level.
 *
 * <p>Deterministic: placements are the nearest days in order (earlier before later at equal
 * distance), and ties keep the earlier candidate ({@link GapCandidates#BRIDGE} first). Fewer than
 * {@link #MIN_PLACEMENTS} placements leave the bridge. The choice is kept per length, time of day
 * and whether the total is known, for every later gap of the same run.
 */
final class SelfValidation {
  /** Artificial gaps per choice for gaps up to a day; longer gaps take proportionally fewer. */
  static final int PLACEMENTS = 24;

  /** Fewer placements than this: no choice, the bridge. */
  static final int MIN_PLACEMENTS = 8;

  /**
   * Weight of the net energy error (the sum of signed errors over all placements) beside the sum of
   * absolute errors. Household energy is right-skewed, so the smallest absolute error alone favours
   * estimates that run low; a billing estimate must keep the energy.
   */
  static final double ENERGY_WEIGHT = 1;

  /**
   * A candidate replaces the bridge only when its errors are lower placement by placement by more
   * than this many standard errors of the mean difference: a few dozen placements of household data
   * are noisy, and a choice made on noise is worse than the default.
   */
  static final double SIGNIFICANCE = 2;

  private final Work w;
  private final ProfileSource profile;
  private final GapCandidates candidates;
  private final int searchDays;
  private final int daySlots;
  private final Map<Long, Integer> chosen = new HashMap<>();
  private double[][] buf = new double[GapCandidates.COUNT][0];
  private double[] truth = new double[0];

  SelfValidation(Work w, ProfileSource profile, GapCandidates candidates, int searchDays) {
    this.w = w;
    this.profile = profile;
    this.candidates = candidates;
    this.searchDays = searchDays;
    this.daySlots = 86_400 / w.step;
  }

  /** The candidate for the gap {@code [a, b)}; {@code totalKnown} when the register bounds it. */
  int choose(int a, int b, boolean totalKnown) {
    int len = b - a;
    long key = ((long) len << 32) | ((long) profile.slotOfDay(a) << 1) | (totalKnown ? 1 : 0);
    Integer c = chosen.get(key);
    if (c == null) {
      c = validate(a, len, totalKnown);
      chosen.put(key, c);
    }
    return c;
  }

  private int validate(int a, int len, boolean totalKnown) {
    if (truth.length < len) {
      truth = new double[len];
      buf = new double[GapCandidates.COUNT][len];
    }
    int[] starts = placements(a, len);
    int found = 0;
    double[][] err = new double[GapCandidates.COUNT][starts.length];
    double[] signed = new double[GapCandidates.COUNT];
    for (int s : starts) {
      if (score(s, len, totalKnown, err, found, signed)) {
        found++;
      }
    }
    if (found < MIN_PLACEMENTS) {
      return GapCandidates.BRIDGE;
    }
    int best = GapCandidates.BRIDGE;
    double bestScore = total(err[best], found) + ENERGY_WEIGHT * Math.abs(signed[best]);
    for (int c = 0; c < GapCandidates.COUNT; c++) {
      double score = total(err[c], found) + ENERGY_WEIGHT * Math.abs(signed[c]);
      if (c != GapCandidates.BRIDGE
          && score < bestScore - 1e-9 * (1 + bestScore)
          && clearlyBetter(err[c], err[GapCandidates.BRIDGE], found)) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * The starts of the artificial gaps for a gap of {@code len} slots at {@code a}: the same local
   * time of day on the nearest days (earlier before later at equal distance) where the artificial
   * gap and its two neighbours are all complete (valid, or usable history), at most {@link
   * #PLACEMENTS} for a gap up to a day and proportionally fewer, but at least {@link
   * #MIN_PLACEMENTS}, for longer ones. The real gap is never complete, so no placement overlaps it.
   */
  int[] placements(int a, int len) {
    int wanted = Math.max(MIN_PLACEMENTS, PLACEMENTS * daySlots / Math.max(len, daySlots));
    int maxDays = searchDays + (len + daySlots - 1) / daySlots;
    int[] starts = new int[wanted];
    int found = 0;
    for (int k = 1; k <= maxDays && found < wanted; k++) {
      for (int sign = -1; sign <= 1 && found < wanted; sign += 2) {
        int s = profile.sameTimeOfDay(a, sign * k);
        if (s != Integer.MIN_VALUE && complete(s - 1, s + len + 1)) {
          starts[found++] = s;
        }
      }
    }
    return java.util.Arrays.copyOf(starts, found);
  }

  private static double total(double[] e, int n) {
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += e[j];
    }
    return sum;
  }

  /**
   * Whether errors {@code e} are lower than {@code base} placement by placement beyond chance: the
   * mean paired difference is more than {@link #SIGNIFICANCE} standard errors below zero.
   */
  static boolean clearlyBetter(double[] e, double[] base, int n) {
    double sum = 0;
    double sq = 0;
    for (int j = 0; j < n; j++) {
      double d = e[j] - base[j];
      sum += d;
      sq += d * d;
    }
    double mean = sum / n;
    double var = n > 1 ? (sq - n * mean * mean) / (n - 1) : 0;
    return mean < 0 && -mean > SIGNIFICANCE * Math.sqrt(Math.max(var, 0) / n);
  }

  /** Whether every slot of {@code [p, q)} is on the grid and usable as an edge. */
  private boolean complete(int p, int q) {
    if (p < profile.firstIndex() || q > w.n) {
      return false;
    }
    for (int i = p; i < q; i++) {
      if (Double.isNaN(candidates.edgeValue(i))) {
        return false;
      }
    }
    return true;
  }

  /** Adds every candidate's absolute error on the artificial gap {@code [s, s + len)}. */
  private boolean score(
      int s, int len, boolean totalKnown, double[][] err, int j, double[] signed) {
    if (!candidates.compute(s, s + len, buf)) {
      return false;
    }
    double total = 0;
    for (int k = 0; k < len; k++) {
      truth[k] = candidates.edgeValue(s + k);
      total += truth[k];
    }
    for (int c = 0; c < GapCandidates.COUNT; c++) {
      double[] est = buf[c];
      double f = 1;
      if (totalKnown) {
        double sum = 0;
        for (int k = 0; k < len; k++) {
          sum += Math.max(0, est[k]);
        }
        f = sum > 0 ? total / sum : Double.NaN;
      }
      double e = 0;
      for (int k = 0; k < len; k++) {
        double v = Double.isNaN(f) ? total / len : Math.max(0, est[k]) * f;
        e += Math.abs(v - truth[k]);
        signed[c] += v - truth[k];
      }
      err[c][j] = e;
    }
    return true;
  }
}
