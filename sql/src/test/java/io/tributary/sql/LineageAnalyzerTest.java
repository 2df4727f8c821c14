package io.tributary.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.parse.Deadline;
import io.tributary.sql.parse.StatementExtractor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.sf.jsqlparser.statement.select.Select;
import org.junit.jupiter.api.Test;

/** The steps around lineage extraction: splitting, utilities, defaults, bounds, errors. */
class LineageAnalyzerTest {

  private static final AnalyzerLimits LIMITS = new AnalyzerLimits(Duration.ofSeconds(5), 100_000);

  /** Records what it was given and reports a SELECT without lineage. */
  private static final class RecordingExtractor implements StatementExtractor {
    final List<SessionDefaults> defaults = new ArrayList<>();
    final List<String> statements = new ArrayList<>();

    @Override
    public StatementLineage extract(
        int index,
        String sql,
        net.sf.jsqlparser.statement.Statement statement,
        SessionDefaults sessionDefaults,
        Deadline deadline) {
      defaults.add(sessionDefaults);
      statements.add(statement.toString());
      return new StatementLineage(
          index,
          sql,
          statement instanceof Select ? StatementKind.SELECT : StatementKind.INSERT,
          List.of(),
          Optional.empty(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty());
    }
  }

  private static List<StatementLineage> analyze(
      StatementExtractor extractor, AnalyzerLimits limits, AnalysisRequest request) {
    return new LineageAnalyzer(limits, (dialect, catalog) -> extractor).analyze(request);
  }

  private static List<StatementLineage> analyze(
      StatementExtractor extractor, String dialect, String sql) {
    return analyze(extractor, LIMITS, AnalysisRequest.of(sql, Dialects.byName(dialect)));
  }

  @Test
  void oneResultPerStatementInOrder() {
    RecordingExtractor extractor = new RecordingExtractor();
    List<StatementLineage> results =
        analyze(extractor, "postgres", "SELECT a FROM t; INSERT INTO u SELECT b FROM v;\n-- end");
    assertThat(results).extracting(StatementLineage::index).containsExactly(0, 1);
    assertThat(results)
        .extracting(StatementLineage::sql)
        .containsExactly("SELECT a FROM t", "INSERT INTO u SELECT b FROM v");
    assertThat(extractor.statements).hasSize(2);
  }

  @Test
  void utilityStatementsAreUtilityWithoutErrorAndNeverReachTheParser() {
    StatementExtractor mustNotRun =
        (i, sql, st, d, dl) -> {
          throw new AssertionError("parsed a utility statement: " + sql);
        };
    String script =
        String.join(
            ";\n",
            "BEGIN",
            "START TRANSACTION",
            "SET search_path TO a, b",
            "SET statement_timeout = 0",
            "SHOW search_path",
            "DESCRIBE TABLE raw.orders",
            "DESC raw.orders",
            "USE analytics",
            "GRANT SELECT ON raw.orders TO analyst",
            "REVOKE SELECT ON raw.orders FROM analyst",
            "ANALYZE raw.orders",
            "EXPLAIN SELECT * FROM raw.orders",
            "VACUUM raw.orders",
            "CREATE INDEX orders_id ON raw.orders (id)",
            "DROP FUNCTION raw.f",
            "ALTER VIEW raw.v OWNER TO admin",
            "COMMENT ON TABLE raw.orders IS 'orders; from the shop'",
            "CALL refresh_orders()",
            "COMMIT",
            "ROLLBACK");
    List<StatementLineage> results = analyze(mustNotRun, "postgres", script);
    assertThat(results).hasSize(20);
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.kind()).as(r.sql()).isEqualTo(StatementKind.UTILITY);
              assertThat(r.error()).as(r.sql()).isEmpty();
            });
  }

  @Test
  void useAndSearchPathChangeTheDefaultsOfLaterStatements() {
    RecordingExtractor extractor = new RecordingExtractor();
    AnalysisRequest request =
        AnalysisRequest.of(
                "SELECT 1 FROM t; USE DATABASE Sales; SELECT 2 FROM t; USE SCHEMA Mart;"
                    + " SELECT 3 FROM t; USE Other.Raw; SELECT 4 FROM t",
                Dialects.SNOWFLAKE)
            .withDefaults("analytics", "public");
    List<StatementLineage> results = analyze(extractor, LIMITS, request);
    assertThat(results).hasSize(7);
    assertThat(extractor.defaults)
        .containsExactly(
            defaults("ANALYTICS", "PUBLIC"),
            defaults("SALES", "PUBLIC"),
            defaults("SALES", "MART"),
            defaults("OTHER", "RAW"));
  }

  @Test
  void searchPathChangesTheSchema() {
    RecordingExtractor extractor = new RecordingExtractor();
    analyze(
        extractor,
        "postgres",
        "SELECT 1 FROM t; SET search_path TO Staging, public; SELECT 2 FROM t;"
            + " SET search_path = \"$user\", mart; SELECT 3 FROM t");
    assertThat(extractor.defaults)
        .containsExactly(
            SessionDefaults.none(),
            SessionDefaults.none().withSchema("staging"),
            SessionDefaults.none().withSchema("mart"));
  }

  @Test
  void parseErrorsCarryTheirLineAndColumnInTheScript() {
    List<StatementLineage> results =
        analyze(
            new RecordingExtractor(),
            "ansi",
            "SELECT 1 FROM t;\nSELECT a\nFROM t\n  WHERE a = = 1;\nSELECT 2 FROM t");
    assertThat(results)
        .extracting(StatementLineage::kind)
        .containsExactly(StatementKind.SELECT, StatementKind.FAILED, StatementKind.SELECT);
    var error = results.get(1).error().orElseThrow();
    assertThat(error.kind()).isEqualTo(ErrorKind.PARSE_ERROR);
    assertThat(error.line()).isEqualTo(OptionalInt.of(4));
    assertThat(error.column()).isEqualTo(OptionalInt.of(13));
  }

  @Test
  void aFirstLineErrorIsShiftedByTheStatementsColumn() {
    List<StatementLineage> results =
        analyze(new RecordingExtractor(), "ansi", "SELECT 1;   SELECT FROM WHERE");
    var error = results.get(1).error().orElseThrow();
    assertThat(error.line()).isEqualTo(OptionalInt.of(1));
    assertThat(error.column().getAsInt()).isGreaterThan(12);
  }

  @Test
  void statementsOverTheSizeLimitAreTooLarge() {
    AnalyzerLimits small = new AnalyzerLimits(Duration.ofSeconds(5), 20);
    List<StatementLineage> results =
        analyze(
            new RecordingExtractor(),
            small,
            AnalysisRequest.of("SELECT a, b, c, d, e FROM t; SELECT 1", Dialects.ANSI));
    assertThat(results.get(0).error().orElseThrow().kind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(results.get(1).error()).isEmpty();
  }

  @Test
  void aOneMegabyteStatementReturnsWithinTheTimeout() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; sql.length() < 1_048_576; i++) {
      sql.append(i == 0 ? "" : ", ").append("coalesce(a").append(i).append(", 'x') AS c").append(i);
    }
    sql.append(" FROM t");
    Duration timeout = Duration.ofSeconds(2);
    AnalyzerLimits limits = new AnalyzerLimits(timeout, 2_000_000);
    long start = System.nanoTime();
    List<StatementLineage> results =
        analyze(
            new RecordingExtractor(), limits, AnalysisRequest.of(sql.toString(), Dialects.ANSI));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(results).hasSize(1);
    assertThat(took).isLessThan(timeout.plusSeconds(3));
    results.get(0).error().ifPresent(e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT));
    // with the default limits it is refused before parsing
    assertThat(
            new LineageAnalyzer()
                .analyze(AnalysisRequest.of(sql.toString(), Dialects.ANSI))
                .get(0)
                .error()
                .orElseThrow()
                .kind())
        .isEqualTo(ErrorKind.TOO_LARGE);
  }

  @Test
  void fiveThousandLevelsOfNestingAreTooDeepNotACrash() {
    String parens = "SELECT " + "(".repeat(5_000) + "a" + ")".repeat(5_000) + " FROM t";
    String subqueries =
        "SELECT * FROM " + "(SELECT * FROM ".repeat(5_000) + "t" + ") x".repeat(5_000);
    String cases = "SELECT " + "CASE WHEN a THEN ".repeat(5_000) + "1" + " END".repeat(5_000);
    String nots = "SELECT a FROM t WHERE " + "NOT ".repeat(5_000) + "a";
    String minuses = "SELECT " + "- ".repeat(5_000) + "1";
    AnalyzerLimits limits = new AnalyzerLimits(Duration.ofSeconds(5), 1_000_000);
    String script = String.join(";", parens, subqueries, cases, nots, minuses);
    long start = System.nanoTime();
    List<StatementLineage> results =
        analyze(new RecordingExtractor(), limits, AnalysisRequest.of(script, Dialects.ANSI));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(results).hasSize(5);
    assertThat(results.subList(0, 3))
        .extracting(r -> r.error().orElseThrow().kind())
        .containsOnly(ErrorKind.TOO_DEEP);
    // nesting without brackets is not counted ahead; the parser copes or runs out of stack
    assertThat(results.subList(3, 5))
        .allSatisfy(
            r ->
                r.error()
                    .ifPresent(
                        e ->
                            assertThat(e.kind())
                                .isIn(
                                    ErrorKind.TOO_DEEP, ErrorKind.PARSE_ERROR, ErrorKind.TIMEOUT)));
  }

  @Test
  void aSlowParseTimesOut() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < 20_000; i++) {
      sql.append(i == 0 ? "" : " + ").append("(a").append(i).append(" * 2)");
    }
    sql.append(" FROM t");
    AnalyzerLimits tight = new AnalyzerLimits(Duration.ofMillis(1), 1_000_000);
    List<StatementLineage> results =
        analyze(new RecordingExtractor(), tight, AnalysisRequest.of(sql.toString(), Dialects.ANSI));
    assertThat(results.get(0).error().orElseThrow().kind()).isEqualTo(ErrorKind.TIMEOUT);
  }

  @Test
  void aSlowExtractionTimesOutAtItsDeadline() {
    StatementExtractor slow =
        (i, sql, st, d, deadline) -> {
          while (true) {
            deadline.check();
            Thread.onSpinWait();
          }
        };
    AnalyzerLimits limits = new AnalyzerLimits(Duration.ofMillis(200), 1_000);
    long start = System.nanoTime();
    List<StatementLineage> results =
        analyze(
            slow, limits, AnalysisRequest.of("SELECT a FROM t; SELECT b FROM u", Dialects.ANSI));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(results)
        .extracting(r -> r.error().orElseThrow().kind())
        .containsExactly(ErrorKind.TIMEOUT, ErrorKind.TIMEOUT);
  }

  @Test
  void nothingThrownByTheLineageStepEscapes() {
    StatementExtractor failing =
        (i, sql, st, d, dl) -> {
          if (sql.contains("boom")) {
            throw new IllegalStateException("boom");
          }
          if (sql.contains("deep")) {
            throw new StackOverflowError();
          }
          if (sql.contains("checked")) {
            throw new Exception("checked");
          }
          if (sql.contains("pivot")) {
            throw new UnsupportedOperationException("PIVOT is not analyzed");
          }
          return null;
        };
    List<StatementLineage> results =
        analyze(
            failing,
            "ansi",
            "SELECT boom FROM t; SELECT deep FROM t; SELECT checked FROM t; SELECT nothing FROM t");
    assertThat(results)
        .extracting(r -> r.error().orElseThrow().kind())
        .containsExactly(
            ErrorKind.INTERNAL, ErrorKind.TOO_DEEP, ErrorKind.INTERNAL, ErrorKind.INTERNAL);
    assertThat(results.get(0).error().orElseThrow().message()).contains("boom");
  }

  @Test
  void aFailingSetUpIsReportedNotThrown() {
    LineageAnalyzer analyzer =
        new LineageAnalyzer(
            LIMITS,
            (dialect, catalog) -> {
              throw new IllegalStateException("no extractor");
            });
    List<StatementLineage> results =
        analyzer.analyze(AnalysisRequest.of("SELECT 1", Dialects.ANSI));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.failed()).isTrue());
  }

  @Test
  void blankTextHasNoStatements() {
    assertThat(analyze(new RecordingExtractor(), "ansi", "  -- nothing\n;")).isEmpty();
  }

  @Test
  void requestDefaultsAreNormalizedByTheDialect() {
    RecordingExtractor extractor = new RecordingExtractor();
    Dialect pg = Dialects.POSTGRESQL;
    analyze(extractor, LIMITS, AnalysisRequest.of("SELECT 1", pg).withDefaults("Shop", "Raw"));
    assertThat(extractor.defaults).containsExactly(defaults("shop", "raw"));
  }

  @Test
  void theRealLineageStepSeesTheSessionDefaults() {
    List<StatementLineage> results =
        new LineageAnalyzer()
            .analyze(
                AnalysisRequest.of(
                        "USE SCHEMA mart; INSERT INTO daily (d) SELECT d FROM raw.events",
                        Dialects.SNOWFLAKE)
                    .withDefaults("analytics", "public"));
    assertThat(results)
        .extracting(StatementLineage::kind)
        .containsExactly(StatementKind.UTILITY, StatementKind.INSERT);
    StatementLineage insert = results.get(1);
    assertThat(insert.target().orElseThrow().qualified()).isEqualTo("ANALYTICS.MART.DAILY");
    assertThat(insert.sources())
        .extracting(t -> t.qualified())
        .containsExactly("ANALYTICS.RAW.EVENTS");
  }

  @Test
  void dialectQuotingReachesTheLineageStep() {
    StatementLineage tsql =
        new LineageAnalyzer()
            .analyze(
                AnalysisRequest.of(
                    "INSERT INTO [dbo].[Out] ([A]) SELECT [B] FROM [Sales].[dbo].[In]",
                    Dialects.TSQL))
            .get(0);
    assertThat(tsql.error()).isEmpty();
    assertThat(tsql.sources()).extracting(t -> t.qualified()).containsExactly("Sales.dbo.In");
    StatementLineage bigQuery =
        new LineageAnalyzer()
            .analyze(
                AnalysisRequest.of(
                    "INSERT INTO ds.out SELECT a FROM my-project.sales.orders", Dialects.BIGQUERY))
            .get(0);
    assertThat(bigQuery.error()).isEmpty();
    assertThat(bigQuery.sources())
        .extracting(t -> t.qualified())
        .containsExactly("my-project.sales.orders");
  }

  private static SessionDefaults defaults(String database, String schema) {
    return new SessionDefaults(Optional.of(database), Optional.of(schema));
  }

  /** A Redshift statement cut at {@code length} characters where its text is balanced. */
  private static String cutRedshiftStatement(int length) {
    StringBuilder sql = new StringBuilder("INSERT INTO mart.t SELECT a FROM raw.s WHERE a = 1");
    while (sql.length() < length + 20) {
      sql.append(" AND b = 2");
    }
    return sql.substring(0, length - 4) + " AND";
  }

  @Test
  void aRedshiftTextStoppingAtTheHistoryLimitThatDoesNotParseIsTruncated() {
    String cut = cutRedshiftStatement(4000);
    assertThat(cut).hasSize(4000).doesNotContain("(");
    StatementLineage atLimit = analyze(new RecordingExtractor(), "redshift", cut).get(0);
    assertThat(atLimit.error().orElseThrow().kind()).isEqualTo(ErrorKind.TRUNCATED);
    assertThat(atLimit.error().get().message()).contains("4000 characters");
    // one character shorter, or padded with blanks to the limit, it is a plain syntax error
    StatementLineage shorter =
        analyze(new RecordingExtractor(), "redshift", cutRedshiftStatement(3999)).get(0);
    assertThat(shorter.error().orElseThrow().kind()).isEqualTo(ErrorKind.PARSE_ERROR);
    String padded = cutRedshiftStatement(3990) + " ".repeat(10);
    assertThat(
            analyze(new RecordingExtractor(), "redshift", padded)
                .get(0)
                .error()
                .orElseThrow()
                .kind())
        .isEqualTo(ErrorKind.PARSE_ERROR);
    // other dialects keep no such limit
    assertThat(
            analyze(new RecordingExtractor(), "postgres", cut).get(0).error().orElseThrow().kind())
        .isEqualTo(ErrorKind.PARSE_ERROR);
  }

  @Test
  void truncatedStatementsNeverReachTheParser() {
    RecordingExtractor extractor = new RecordingExtractor();
    List<StatementLineage> results =
        analyze(extractor, "postgres", "SELECT a FROM t; CREATE TABLE s.t AS WITH b AS (SEL ((( ,");
    assertThat(results.get(1).kind()).isEqualTo(StatementKind.FAILED);
    assertThat(results.get(1).error().orElseThrow().kind()).isEqualTo(ErrorKind.TRUNCATED);
    assertThat(results.get(1).error().get().line()).isEqualTo(OptionalInt.of(1));
    assertThat(results.get(1).error().get().column()).isEqualTo(OptionalInt.of(48));
    assertThat(extractor.statements).hasSize(1);
  }
}
