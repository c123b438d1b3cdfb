package io.loadlens.vee.eval;

import io.loadlens.model.EstimationMethod;
import io.loadlens.vee.VeeConfig;
import io.loadlens.vee.VeeEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy of VEE estimation on real data: gaps of 1, 4, 8, 16, 96 and 672 intervals are cut at
 * seeded random places into the UCI household (15-minute Wh from 1-minute kW) and the 50 SGSC
 * households (30-minute Wh), estimated by VEE with its default rules, and scored (MAE and bias per
 * interval, Wh) against the true values beside plain linear interpolation measured in the same run.
 *
 * <pre>
 *   ./mvnw -q -o -pl loadlens-vee exec:java \
 *       -Dexec.mainClass=io.loadlens.vee.eval.VeeAccuracyEvaluation -Dexec.args="../shared/data"
 * </pre>
 *
 * Arguments: the data folder (default {@code ../shared/data}), the seed (default 20240601), the
 * number of gaps per length and data set (default 240) and the gap lengths (default {@code
 * 1,4,8,16,96,672}).
 */
public final class VeeAccuracyEvaluation {
  static final int[] GAP_LENGTHS = {1, 4, 8, 16, 96, 672};

  private VeeAccuracyEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20240601L;
    int target = args.length > 2 ? Integer.parseInt(args[2]) : 240;
    int[] lengths =
        args.length > 3
            ? java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
            : GAP_LENGTHS;
    Path uci = dir.resolve("uci-household-power-2007h1.csv.gz");
    Path sgsc = dir.resolve("sgsc50.csv.gz");
    if (!Files.exists(uci) || !Files.exists(sgsc)) {
      throw new IllegalArgumentException(
          "data folder " + dir.toAbsolutePath() + " lacks " + uci.getFileName() + " or " + sgsc);
    }
    VeeEngine engine = new VeeEngine(VeeConfig.defaults());
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "VEE %s accuracy, seed %d, %d gaps per length%n%n",
        engine.version(),
        seed,
        target);
    header(out);
    List<Household> uciHome = List.of(LoadData.uci(uci));
    report(out, "UCI household, 15 min", uciHome, engine, seed, target, lengths);
    report(out, "SGSC 50 households, 30 min", LoadData.sgsc(sgsc), engine, seed, target, lengths);
  }

  private static void header(PrintStream out) {
    out.println(
        "| data | gap (intervals) | register total | gaps | VEE MAE Wh | VEE bias Wh"
            + " | linear MAE Wh | linear bias Wh | VEE vs linear | VEE methods |");
    out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  }

  static void report(
      PrintStream out,
      String name,
      List<Household> homes,
      VeeEngine engine,
      long seed,
      int target,
      int[] lengths) {
    GapExperiment exp = new GapExperiment(engine);
    for (int len : lengths) {
      GapExperiment.Score plain = new GapExperiment.Score();
      GapExperiment.Score reg = new GapExperiment.Score();
      exp.run(homes, len, target, seed, plain, reg);
      row(out, name, len, "unknown", plain);
      row(out, name, len, "known", reg);
    }
  }

  private static void row(
      PrintStream out, String name, int len, String mode, GapExperiment.Score s) {
    out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %d | %.1f | %+.1f | %.1f | %+.1f | %+.1f %% | %s |%n",
        name,
        len,
        mode,
        s.gaps,
        s.veeMae(),
        s.veeErr / s.n,
        s.linMae(),
        s.linErr / s.n,
        s.improvementPercent(),
        methods(s));
  }

  private static String methods(GapExperiment.Score s) {
    StringBuilder sb = new StringBuilder();
    for (EstimationMethod m : EstimationMethod.values()) {
      long c = s.methods[m.ordinal()];
      if (c > 0) {
        sb.append(sb.isEmpty() ? "" : ", ")
            .append(m.name().toLowerCase(Locale.ROOT))
            .append(String.format(Locale.ROOT, " %.0f%%", 100.0 * c / s.n));
      }
    }
    if (s.exact > 0) {
      sb.append(sb.isEmpty() ? "" : ", ")
          .append("read from register ")
          .append(s.exact * 100 / s.n)
          .append('%');
    }
    if (s.unfilled > 0) {
      sb.append(sb.isEmpty() ? "" : ", ").append("unfilled ").append(s.unfilled);
    }
    return sb.toString();
  }
}
