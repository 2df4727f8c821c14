package io.tributary.sql;

import io.tributary.sql.golden.GoldenCase;
import io.tributary.sql.golden.GoldenFixtures;
import io.tributary.sql.session.SessionStitcher;
import io.tributary.sql.session.TemporaryTableRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code src/test/resources/sessions/*.txt}: each script is analyzed, then
 * stitched as one session with the default {@link TemporaryTableRule}; the expectations are the
 * stitched statements'.
 */
class SessionFixtureTest {

  private static final LineageAnalyzer ANALYZER = new LineageAnalyzer();

  @TestFactory
  Stream<DynamicNode> sessionCases() {
    Map<String, List<GoldenCase>> byFile = new LinkedHashMap<>();
    for (GoldenCase c : GoldenFixtures.load("sessions")) {
      byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c);
    }
    return byFile.entrySet().stream()
        .map(
            e ->
                DynamicContainer.dynamicContainer(
                    e.getKey(), e.getValue().stream().map(SessionFixtureTest::test)));
  }

  private static DynamicTest test(GoldenCase c) {
    return DynamicTest.dynamicTest(
        c.name(),
        () ->
            GoldenFixtureTest.run(
                c,
                request ->
                    ANALYZER.analyze(request, new SessionStitcher(TemporaryTableRule.defaults()))));
  }
}
