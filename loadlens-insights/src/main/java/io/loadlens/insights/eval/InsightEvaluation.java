package io.loadlens.insights.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reproduces the figures in docs/INSIGHTS.md from the real data in {@code ../shared/data}.
 *
 * <pre>
 * cd /work/main && MAVEN_OPTS=-Xmx2g ./mvnw -q -o -pl loadlens-insights \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=io.loadlens.insights.eval.InsightEvaluation -Dexec.args="../shared/data all"
 * </pre>
 *
 * Arguments: the data folder, then {@code sgsc}, {@code uci} or {@code all}.
 */
public final class InsightEvaluation {
  private InsightEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
    String what = args.length > 1 ? args[1] : "all";
    Path sgsc = dir.resolve("sgsc50.csv.gz");
    Path uci = dir.resolve("uci-household-power-2007h1.csv.gz");
    if (!Files.isReadable(sgsc) || !Files.isReadable(uci)) {
      System.err.println("InsightEvaluation: data not found under " + dir.toAbsolutePath());
      System.exit(2);
    }
    if (what.equals("sgsc") || what.equals("all")) {
      SgscEvaluation.run(sgsc, System.out);
    }
    if (what.equals("uci") || what.equals("all")) {
      UciEvaluation.run(uci, System.out);
    }
  }
}
