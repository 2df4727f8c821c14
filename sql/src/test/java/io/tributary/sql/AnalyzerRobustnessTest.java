package io.tributary.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.golden.GoldenCase;
import io.tributary.sql.golden.GoldenFixtures;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Broken, huge and absurdly nested input: every call returns lineage or a structured error within
 * the analyzer's timeout (plus a margin for a loaded machine), nothing escapes, and the analyzer
 * still works afterwards.
 */
class AnalyzerRobustnessTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Time on top of the timeout for a shared, busy machine (GC, JIT, other builds). */
  private static final Duration MARGIN = Duration.ofSeconds(3);

  private static final LineageAnalyzer ANALYZER =
      new LineageAnalyzer(new AnalyzerLimits(TIMEOUT, 1_100_000));
  private static final List<Dialect> DIALECTS = Dialects.all();
  private static final int MUTATIONS = 3_000;
  private static final int BATCH = 100;

  private static final char[] NOISE =
      "()[]{}'\"`;,.*-/+=<>!@#$%^&|\\?:\n\t\0\u00e9\u4e2d\ud83d\ude00".toCharArray();

  @Test
  void mutatedStatementsGiveLineageOrAStructuredError() {
    List<String> corpus = corpus();
    Random random = new Random(20261125L);
    List<String> inputs = new ArrayList<>(MUTATIONS);
    for (int i = 0; i < MUTATIONS; i++) {
      inputs.add(mutate(corpus.get(random.nextInt(corpus.size())), random));
    }
    int[] failed = {0};
    int[] analyzed = {0};
    for (int start = 0; start < inputs.size(); start += BATCH) {
      List<String> batch = inputs.subList(start, Math.min(start + BATCH, inputs.size()));
      int offset = start;
      // A hang anywhere in the batch fails here instead of stalling the build.
      assertTimeoutPreemptively(
          TIMEOUT.plus(MARGIN).multipliedBy(5),
          () -> {
            for (int i = 0; i < batch.size(); i++) {
              Dialect dialect = DIALECTS.get((offset + i) % DIALECTS.size());
              for (StatementLineage s : analyzeWithinTimeout(batch.get(i), dialect)) {
                if (s.failed()) {
                  failed[0]++;
                } else {
                  analyzed[0]++;
                }
              }
            }
          },
          () -> "a batch starting at mutation " + offset + " did not finish");
    }
    // The mutations must exercise both paths: some still analyze, many fail to parse.
    assertThat(analyzed[0]).as("statements analyzed").isPositive();
    assertThat(failed[0]).as("statements failed").isPositive();
  }

  @Test
  void aOneMegabyteStatementGivesAResultOrAnError() {
    StringBuilder sql = new StringBuilder("INSERT INTO dw.big (id, name, amount) VALUES ");
    int row = 0;
    while (sql.length() < 1_000_000) {
      sql.append(row == 0 ? "" : ", ").append('(').append(row).append(", 'name ").append(row);
      sql.append("', ").append(row % 1000).append(".25)");
      row++;
    }
    String text = sql.toString();
    assertThat(text.length()).isBetween(1_000_000, 1_100_000);

    List<StatementLineage> result =
        assertTimeoutPreemptively(
            TIMEOUT.plus(MARGIN).multipliedBy(2),
            () -> analyzeWithinTimeout(text, Dialects.byName("postgresql")));

    assertThat(result).hasSize(1);
    StatementLineage s = result.get(0);
    if (s.failed()) {
      assertThat(s.error().get().kind()).isIn(ErrorKind.TIMEOUT, ErrorKind.TOO_LARGE);
    } else {
      assertThat(s.kind()).isEqualTo(StatementKind.INSERT);
      // the defaults give the partly qualified name its database
      assertThat(s.target()).contains(TableName.of("db", "dw", "big"));
    }
  }

  @Test
  void aStatementOverTheSizeLimitIsTooLarge() {
    String text = "SELECT " + "a + ".repeat(300_000) + "a FROM t";
    List<StatementLineage> result =
        new LineageAnalyzer().analyze(AnalysisRequest.of(text, Dialects.byName("ansi")));

    assertThat(result)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(StatementKind.FAILED);
              assertThat(s.error().get().kind()).isEqualTo(ErrorKind.TOO_LARGE);
            });
  }

  @Test
  void fiveThousandNestedParenthesesDoNotTakeTheJvmDown() {
    for (int depth : new int[] {100, 280, 1_000, 5_000}) {
      String nested = "SELECT " + "(".repeat(depth) + "a" + ")".repeat(depth) + " AS x FROM t";
      String unbalanced = "SELECT " + "(".repeat(depth) + "a FROM t";
      String closing = "SELECT a" + ")".repeat(depth) + " FROM t";
      for (String sql : List.of(nested, unbalanced, closing)) {
        List<StatementLineage> result =
            assertTimeoutPreemptively(
                TIMEOUT.plus(MARGIN).multipliedBy(2),
                () -> analyzeWithinTimeout(sql, Dialects.byName("postgresql")));
        assertThat(result).hasSize(1);
        if (sql == unbalanced) {
          assertThat(result.get(0).error().orElseThrow().kind()).isEqualTo(ErrorKind.TRUNCATED);
          continue;
        }
        assertDeepResult(result.get(0), "t");
        if (sql == nested && depth == 100) {
          assertThat(result.get(0).failed()).as("100 nested parentheses analyze").isFalse();
        }
      }
    }
  }

  @Test
  void fiveThousandNestedSubqueriesDoNotTakeTheJvmDown() {
    for (int depth : new int[] {100, 280, 1_000, 5_000}) {
      StringBuilder sql = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        sql.append("SELECT x FROM (");
      }
      sql.append("SELECT a AS x FROM t");
      for (int i = 0; i < depth; i++) {
        sql.append(") s").append(i);
      }
      List<StatementLineage> result =
          assertTimeoutPreemptively(
              TIMEOUT.plus(MARGIN).multipliedBy(2),
              () -> analyzeWithinTimeout(sql.toString(), Dialects.byName("postgresql")));
      assertThat(result).hasSize(1);
      assertDeepResult(result.get(0), "t");
      if (depth == 100) {
        assertThat(result.get(0).failed()).as("100 nested subqueries analyze").isFalse();
        assertThat(result.get(0).columns()).hasSize(1);
      }
    }
  }

  /** After all the abuse, the same analyzer instance still gives correct lineage. */
  @AfterAll
  static void theAnalyzerStillWorks() {
    List<StatementLineage> result =
        ANALYZER.analyze(
            AnalysisRequest.of(
                "SELECT o.amount * 2 AS dbl FROM sales.orders o", Dialects.byName("postgresql")));
    TableName orders = TableName.of(null, "sales", "orders");
    assertThat(result)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.columns())
                    .containsExactly(
                        new ColumnLineage(
                            ColumnName.of(orders, "amount"),
                            ColumnName.output("dbl"),
                            LineageKind.DERIVED)));
  }

  private static void assertDeepResult(StatementLineage s, String table) {
    if (s.failed()) {
      assertThat(s.error().get().kind())
          .isIn(
              ErrorKind.TOO_DEEP, ErrorKind.TIMEOUT, ErrorKind.PARSE_ERROR, ErrorKind.UNSUPPORTED);
      assertThat(s.error().get().message()).isNotBlank();
    } else {
      assertThat(s.sources()).extracting(TableName::name).containsExactly(table);
    }
  }

  /** Analyzes one text, checks the time the call took and that every result is well formed. */
  private static List<StatementLineage> analyzeWithinTimeout(String sql, Dialect dialect) {
    long start = System.nanoTime();
    List<StatementLineage> result =
        ANALYZER.analyze(
            new AnalysisRequest(
                sql,
                dialect,
                java.util.Optional.of("db"),
                java.util.Optional.of("sch"),
                Catalog.empty()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // Per statement the timeout applies; a mutated script may hold a few statements.
    long statements = Math.max(1, result.size());
    assertThat(took)
        .as("analysis time of %s", abbreviate(sql))
        .isLessThanOrEqualTo(TIMEOUT.plus(MARGIN).multipliedBy(statements));
    assertThat(result).isNotNull();
    for (int i = 0; i < result.size(); i++) {
      StatementLineage s = result.get(i);
      assertThat(s.index()).isEqualTo(i);
      assertThat(s.kind() == StatementKind.FAILED).isEqualTo(s.error().isPresent());
      s.error()
          .ifPresent(
              e -> {
                assertThat(e.kind())
                    .isNotEqualTo(ErrorKind.INTERNAL)
                    .as("internal error: %s on %s", e.message(), abbreviate(sql));
                assertThat(e.message()).isNotBlank();
              });
    }
    return result;
  }

  private static String mutate(String sql, Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> sql.substring(0, random.nextInt(sql.length() + 1)); // truncated
      case 1 -> shuffleTokens(sql, random);
      case 2 -> insertNoise(sql, random, 1 + random.nextInt(8));
      case 3 -> unbalance(sql, random);
      case 4 -> dropToken(sql, random);
      default -> insertNoise(shuffleTokens(sql, random), random, 2); // several at once
    };
  }

  private static String shuffleTokens(String sql, Random random) {
    List<String> tokens = new ArrayList<>(List.of(sql.split("\\s+")));
    if (tokens.size() > 1) {
      int from = random.nextInt(tokens.size());
      int to = Math.min(tokens.size(), from + 2 + random.nextInt(6));
      Collections.shuffle(tokens.subList(from, to), random);
    }
    return String.join(" ", tokens);
  }

  private static String insertNoise(String sql, Random random, int count) {
    StringBuilder out = new StringBuilder(sql);
    for (int i = 0; i < count; i++) {
      int at = random.nextInt(out.length() + 1);
      String noise =
          random.nextBoolean()
              ? String.valueOf(NOISE[random.nextInt(NOISE.length)])
              : String.valueOf((char) random.nextInt(0x3000));
      out.insert(at, noise);
    }
    return out.toString();
  }

  private static String unbalance(String sql, Random random) {
    StringBuilder out = new StringBuilder(sql);
    int count = 1 + random.nextInt(50);
    char paren = random.nextBoolean() ? '(' : ')';
    int at = random.nextInt(out.length() + 1);
    out.insert(at, String.valueOf(paren).repeat(count));
    return out.toString();
  }

  private static String dropToken(String sql, Random random) {
    List<String> tokens = new ArrayList<>(List.of(sql.split("\\s+")));
    tokens.remove(random.nextInt(tokens.size()));
    return String.join(" ", tokens);
  }

  /** Every statement of the golden fixtures and the TPC-H / TPC-DS queries. */
  private static List<String> corpus() {
    List<String> corpus = new ArrayList<>();
    for (GoldenCase c : GoldenFixtures.load("golden")) {
      corpus.add(c.sql());
    }
    for (String folder : List.of("tpch", "tpcds")) {
      for (Path q : GoldenFixtures.files(folder, ".sql")) {
        corpus.add(GoldenFixtures.read(q));
      }
    }
    assertThat(corpus).hasSizeGreaterThan(400);
    return corpus;
  }

  private static String abbreviate(String sql) {
    return sql.length() <= 200 ? sql : sql.substring(0, 200) + "... (" + sql.length() + " chars)";
  }
}
