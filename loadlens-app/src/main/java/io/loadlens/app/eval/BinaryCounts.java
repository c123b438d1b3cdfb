package io.loadlens.app.eval;

/**
 * Confusion counts of a yes/no classifier against ground truth, with the usual scores (van
 * Rijsbergen's F-measure with β = 1, the harmonic mean of precision and recall).
 *
 * @param truePositives detected and present
 * @param falsePositives detected but absent
 * @param falseNegatives present but not detected
 * @param trueNegatives neither
 */
public record BinaryCounts(
    int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

  public BinaryCounts {
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
      throw new IllegalArgumentException(
          "confusion counts must not be negative, got tp="
              + truePositives
              + " fp="
              + falsePositives
              + " fn="
              + falseNegatives
              + " tn="
              + trueNegatives);
    }
  }

  public static BinaryCounts empty() {
    return new BinaryCounts(0, 0, 0, 0);
  }

  /** These counts plus one more case. */
  public BinaryCounts add(boolean actual, boolean predicted) {
    return new BinaryCounts(
        truePositives + (actual && predicted ? 1 : 0),
        falsePositives + (!actual && predicted ? 1 : 0),
        falseNegatives + (actual && !predicted ? 1 : 0),
        trueNegatives + (!actual && !predicted ? 1 : 0));
  }

  public int total() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  /** TP / (TP + FP); NaN when nothing was detected. */
  public double precision() {
    int d = truePositives + falsePositives;
    return d == 0 ? Double.NaN : (double) truePositives / d;
  }

  /** TP / (TP + FN); NaN when nothing was present. */
  public double recall() {
    int d = truePositives + falseNegatives;
    return d == 0 ? Double.NaN : (double) truePositives / d;
  }

  /** 2 TP / (2 TP + FP + FN); NaN when nothing was present or detected. */
  public double f1() {
    int d = 2 * truePositives + falsePositives + falseNegatives;
    return d == 0 ? Double.NaN : 2.0 * truePositives / d;
  }
}
