package io.tributary.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.UnknownDialectException;
import io.tributary.sql.golden.Expectation;
import io.tributary.sql.golden.ExpectationCheck;
import io.tributary.sql.golden.GoldenCase;
import io.tributary.sql.golden.GoldenFixtures;
import io.tributary.sql.model.StatementLineage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code src/test/resources/golden/*.txt} through the analyzer: one dynamic test
 * per case, grouped by file. A case marked {@code known_gap} is reported as skipped.
 */
class GoldenFixtureTest {

  private static final LineageAnalyzer ANALYZER = new LineageAnalyzer();

  @TestFactory
  Stream<DynamicNode> goldenCases() {
    Map<String, List<GoldenCase>> byFile = new LinkedHashMap<>();
    for (GoldenCase c : GoldenFixtures.load("golden")) {
      byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c);
    }
    return byFile.entrySet().stream()
        .map(
            e ->
                DynamicContainer.dynamicContainer(
                    e.getKey(),
                    e.getValue().stream()
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)))));
  }

  static void run(GoldenCase c) {
    run(c, ANALYZER::analyze);
  }

  /** Runs a case through another way of analyzing its request. */
  static void run(GoldenCase c, Function<AnalysisRequest, List<StatementLineage>> analysis) {
    // -Dgolden.knownGaps=run checks the known gaps too, to see which are fixed.
    if (!"run".equals(System.getProperty("golden.knownGaps"))) {
      c.knownGap().ifPresent(reason -> Assumptions.abort("known gap: " + reason));
    }
    if (c.statements().size() == 1 && c.statements().get(0).dialectError().isPresent()) {
      String message = c.statements().get(0).dialectError().get();
      assertThatThrownBy(() -> Dialects.byName(c.dialect()))
          .isInstanceOf(UnknownDialectException.class)
          .hasMessageContaining(message);
      return;
    }
    List<StatementLineage> actual = analysis.apply(GoldenFixtures.request(c));
    ExpectationCheck check =
        new ExpectationCheck(GoldenFixtures.ignoresCase(Dialects.byName(c.dialect())));
    StringBuilder report = new StringBuilder();
    if (actual.size() != c.statements().size()) {
      report
          .append("expected ")
          .append(c.statements().size())
          .append(" statement(s), actual ")
          .append(actual.size())
          .append('\n');
    }
    for (int i = 0; i < Math.min(actual.size(), c.statements().size()); i++) {
      Expectation want = c.statements().get(i);
      List<String> diffs = check.differences(want, actual.get(i));
      if (!diffs.isEmpty()) {
        report.append("statement ").append(i).append(":\n");
        diffs.forEach(d -> report.append("  ").append(d).append('\n'));
      }
    }
    if (!report.isEmpty()) {
      StringBuilder got = new StringBuilder();
      for (StatementLineage s : actual) {
        got.append("--- actual ").append(s.index()).append('\n');
        got.append(ExpectationCheck.render(s));
      }
      fail(c.location() + "\n" + report + "\n" + c.sql() + "\n" + got);
    }
  }
}
