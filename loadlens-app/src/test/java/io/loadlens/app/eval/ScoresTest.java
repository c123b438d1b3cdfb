package io.loadlens.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.insights.ApplianceDetection;
import io.loadlens.insights.ApplianceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

  @Test
  void precisionRecallAndF1FollowFromTheConfusionCounts() {
    BinaryCounts c = new BinaryCounts(8, 2, 4, 86);

    assertThat(c.precision()).isCloseTo(0.8, within(1e-12));
    assertThat(c.recall()).isCloseTo(8.0 / 12, within(1e-12));
    // harmonic mean of 0.8 and 2/3 = 2 * 8 / (2 * 8 + 2 + 4) = 16 / 22
    assertThat(c.f1()).isCloseTo(16.0 / 22, within(1e-12));
    assertThat(c.total()).isEqualTo(100);
  }

  @Test
  void addingCasesFillsTheRightCells() {
    BinaryCounts c =
        BinaryCounts.empty()
            .add(true, true)
            .add(true, true)
            .add(false, true)
            .add(true, false)
            .add(false, false);

    assertThat(c).isEqualTo(new BinaryCounts(2, 1, 1, 1));
  }

  @Test
  void scoresAreUndefinedWithoutPositives() {
    BinaryCounts none = new BinaryCounts(0, 0, 0, 50);

    assertThat(none.precision()).isNaN();
    assertThat(none.recall()).isNaN();
    assertThat(none.f1()).isNaN();
    assertThat(new BinaryCounts(0, 3, 0, 47).f1()).isZero();
  }

  @Test
  void negativeCountsAreRejectedNamingThem() {
    assertThatThrownBy(() -> new BinaryCounts(1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fp=-1");
  }

  @Test
  void adjustedRandIndexIsOneForTheSamePartitionUnderOtherLabels() {
    List<String> truth = List.of("a", "a", "b", "b", "c", "c");
    List<Integer> found = List.of(7, 7, 3, 3, 9, 9);

    assertThat(AdjustedRand.index(truth, found)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void adjustedRandIndexMatchesAHandComputedExample() {
    // contingency [[2,1,0],[0,2,1],[0,0,1]]: sum C(nij,2) = 1 + 1 = 2; rows 3,3,1 -> 3+3+0 = 6;
    // columns 2,3,2 -> 1+3+1 = 5; C(7,2) = 21; expected = 6*5/21 = 10/7; max = 5.5
    // ARI = (2 - 10/7) / (5.5 - 10/7) = (4/7) / (57/14) = 8/57
    List<String> truth = List.of("x", "x", "x", "y", "y", "y", "z");
    List<String> found = List.of("p", "p", "q", "q", "q", "r", "r");

    assertThat(AdjustedRand.index(truth, found)).isCloseTo(8.0 / 57, within(1e-12));
  }

  @Test
  void adjustedRandIndexIsNegativeWhenPartitionsDisagreeMoreThanChance() {
    // each true pair is split, each found pair mixes two classes: sum C(nij,2) = 0
    // rows 2,2 -> 2; columns 2,2 -> 2; C(4,2) = 6; expected 2/3; max 2 -> (0 - 2/3) / (4/3)
    List<String> truth = List.of("a", "a", "b", "b");
    List<String> found = List.of("p", "q", "p", "q");

    assertThat(AdjustedRand.index(truth, found)).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void adjustedRandIndexRejectsLabelingsOfDifferentLength() {
    assertThatThrownBy(() -> AdjustedRand.index(List.of(1, 2, 3), List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 != 2");
  }

  @Test
  void bestThresholdIsWhereF1IsHighest() {
    // present households score 0.9 and 0.7, absent ones 0.6 and 0.2: a threshold in (0.6, 0.7]
    // separates them perfectly; the default 0.5 lets one false positive through
    List<DetectorDiagnostics.Case> cases =
        List.of(
            new DetectorDiagnostics.Case(true, detection(0.9, 7.4)),
            new DetectorDiagnostics.Case(true, detection(0.7, 11)),
            new DetectorDiagnostics.Case(false, detection(0.6, 3.7)),
            new DetectorDiagnostics.Case(false, detection(0.2, 3.7)));

    DetectorDiagnostics d = DetectorDiagnostics.of("EV", cases);

    assertThat(d.bestThreshold()).isCloseTo(0.65, within(1e-9));
    assertThat(d.bestCounts()).isEqualTo(new BinaryCounts(2, 0, 0, 2));
    assertThat(d.medianKwTruePositive()).isCloseTo(9.2, within(1e-9));
    assertThat(d.medianKwFalsePositive()).isCloseTo(3.7, within(1e-9));
  }

  private static ApplianceDetection detection(double confidence, double kw) {
    return ApplianceDetection.of(
        ApplianceKind.EV_CHARGER, confidence, "test", 1, kw, 1, Double.NaN, List.of());
  }
}
