package io.loadlens.insights.fleet;

import io.loadlens.insights.fleet.FleetInsights.Segment;
import io.loadlens.insights.internal.Stats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Segments consumers by their routine day ({@link RoutineShape}) with k-means++; k is the one with
 * the highest mean silhouette among {@code minSegments..maxSegments}. Each segment is shown by the
 * mean of its members' normalised hourly day shapes and by its routine centre, which {@link
 * SegmentLabel} names.
 */
final class Segmenter {
  private Segmenter() {}

  static FleetInsights.Segmentation segment(
      List<ConsumerProfileSummary> consumers, FleetConfig cfg) {
    RoutineShape.Calendar cal = RoutineShape.Calendar.of(cfg.grid(), cfg.zone());
    double[][] x = new double[consumers.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = RoutineShape.of(consumers.get(i).demandKw(), cal);
    }
    int maxK = Math.min(cfg.maxSegments(), Math.max(cfg.minSegments(), x.length - 1));
    int[] sample = sample(x.length, cfg.silhouetteSample(), cfg.seed());
    double[] sil = new double[Math.max(0, maxK - cfg.minSegments() + 1)];
    KMeans.Result best = null;
    double bestSil = Double.NEGATIVE_INFINITY;
    int minSize = minSize(x.length);
    if (x.length <= cfg.minSegments()) {
      best = KMeans.fit(x, 1, cfg.seed());
      bestSil = 0;
    } else {
      for (int k = cfg.minSegments(); k <= maxK; k++) {
        KMeans.Result r = KMeans.fit(x, k, cfg.seed() + k);
        // Segments below the minimum size hold outliers: they are kept and labelled as such, but
        // the silhouette judges only the segments that describe a group.
        int[] size = sizes(r);
        int big = 0;
        for (int v : size) {
          big += v >= minSize ? 1 : 0;
        }
        int[] inBig =
            java.util.Arrays.stream(sample)
                .filter(i -> size[r.assignment()[i]] >= minSize)
                .toArray();
        double s = big >= 2 ? KMeans.silhouette(x, r.assignment(), k, inBig) : Double.NaN;
        sil[k - cfg.minSegments()] = Stats.round(s, 4);
        if (best == null || Double.isNaN(bestSil) && !Double.isNaN(s) || s > bestSil) {
          bestSil = s;
          best = r;
        }
      }
    }
    return new FleetInsights.Segmentation(
        "routine day (weekday and weekend median demand per hour above the always-on level, in"
            + " the 4 quietest months, normalised, capped at 2.5); k in "
            + cfg.minSegments()
            + ".."
            + maxK
            + " with the highest mean silhouette (Rousseeuw 1987) over the segments holding at least"
            + " 5 % of consumers (min 2; smaller ones are labelled outliers), on a seeded sample of"
            + " up to "
            + cfg.silhouetteSample()
            + " consumers; k-means++ seed "
            + cfg.seed(),
        best.k(),
        Stats.round(bestSil, 4),
        sil,
        segments(consumers, x, best, 86_400 / cfg.grid().stepSeconds()));
  }

  static int minSize(int n) {
    return Math.max(2, (int) Math.ceil(0.05 * n));
  }

  static int[] sizes(KMeans.Result r) {
    int[] size = new int[r.k()];
    for (int a : r.assignment()) {
      size[a]++;
    }
    return size;
  }

  static int[] sample(int n, int max, long seed) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return java.util.Arrays.copyOf(idx, Math.min(n, max));
  }

  /**
   * The segments of a clustering: members, mean day, routine centre and a label.
   *
   * @param routines each consumer's routine features, the rows k-means clustered
   */
  static List<Segment> segments(
      List<ConsumerProfileSummary> consumers,
      double[][] routines,
      KMeans.Result r,
      int stepsPerDay) {
    List<List<ConsumerProfileSummary>> groups = new ArrayList<>();
    List<List<double[]>> groupRoutines = new ArrayList<>();
    for (int j = 0; j < r.k(); j++) {
      groups.add(new ArrayList<>());
      groupRoutines.add(new ArrayList<>());
    }
    for (int i = 0; i < consumers.size(); i++) {
      groups.get(r.assignment()[i]).add(consumers.get(i));
      groupRoutines.get(r.assignment()[i]).add(routines[i]);
    }
    List<Segment> out = new ArrayList<>();
    Map<String, Integer> used = new HashMap<>();
    for (int j = 0; j < r.k(); j++) {
      List<ConsumerProfileSummary> g = groups.get(j);
      if (g.isEmpty()) {
        continue;
      }
      double[] c = meanShape(g);
      int peakHour = 0;
      double min = Double.POSITIVE_INFINITY;
      for (int h = 0; h < 24; h++) {
        if (c[h] > c[peakHour]) {
          peakHour = h;
        }
        min = Math.min(min, c[h]);
      }
      double[] routine = meanRoutine(groupRoutines.get(j));
      double typicalDay = medianTypicalDayShare(g, stepsPerDay);
      String label = SegmentLabel.of(g, c[peakHour] / Math.max(min, 1e-9), routine, typicalDay);
      if (g.size() < minSize(consumers.size())) {
        label = "outliers: " + label;
      }
      int seen = used.merge(label, 1, Integer::sum);
      if (seen > 1) {
        label =
            String.format(
                java.util.Locale.ROOT, "%s (peak %02d:00, group %d)", label, peakHour, seen);
      }
      double[] centroid = new double[24];
      for (int h = 0; h < 24; h++) {
        centroid[h] = Stats.round(c[h], 4);
      }
      out.add(
          new Segment(
              j,
              label,
              g.size(),
              centroid,
              peakHour,
              Stats.round(
                  g.stream().mapToDouble(ConsumerProfileSummary::annualKwh).average().orElse(0), 1),
              routine,
              g.stream().map(ConsumerProfileSummary::meterId).toList()));
    }
    out.sort((a, b) -> Integer.compare(b.size(), a.size()));
    return out;
  }

  /** The mean of the members' routine features (rounded): the segment's centre. */
  static double[] meanRoutine(List<double[]> members) {
    double[] c = new double[48];
    for (double[] m : members) {
      for (int b = 0; b < 48; b++) {
        c[b] += m[b] / members.size();
      }
    }
    for (int b = 0; b < 48; b++) {
      c[b] = Stats.round(c[b], 4);
    }
    return c;
  }

  /** The members' median {@link Occupancy#typicalDayShare}; NaN when none has one. */
  static double medianTypicalDayShare(List<ConsumerProfileSummary> g, int stepsPerDay) {
    double[] v =
        g.stream()
            .mapToDouble(m -> Occupancy.typicalDayShare(m.demandKw(), stepsPerDay))
            .filter(x -> !Double.isNaN(x))
            .sorted()
            .toArray();
    return v.length == 0 ? Double.NaN : v[v.length / 2];
  }

  /** The mean of the members' normalised hourly day shapes: what a segment looks like. */
  static double[] meanShape(List<ConsumerProfileSummary> g) {
    double[] c = new double[24];
    for (ConsumerProfileSummary m : g) {
      for (int h = 0; h < 24; h++) {
        c[h] += m.dayShape()[h] / g.size();
      }
    }
    return c;
  }
}
