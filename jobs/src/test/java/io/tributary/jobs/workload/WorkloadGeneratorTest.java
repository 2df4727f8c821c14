package io.tributary.jobs.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.catalog.InMemoryCatalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.StatementLineage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadGeneratorTest {

  @TempDir Path dir;

  @Test
  void writesTheRequestedRowsDeterministicallyWithDailyEtlAndSomeBrokenStatements()
      throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    WorkloadGenerator.Written written = new WorkloadGenerator(5_000, 1, 500).write(a);
    new WorkloadGenerator(5_000, 1, 500).write(b);

    assertThat(Files.readAllLines(a)).hasSize(5_000).isEqualTo(Files.readAllLines(b));
    assertThat(written.days()).isEqualTo(10);
    assertThat(written.etlRows()).isEqualTo(10L * WarehouseModel.ETL.size());
    assertThat(written.brokenRows()).isBetween(80L, 250L);
    assertThat(written.failedRows()).isBetween(50L, 200L);

    List<String> lines = Files.readAllLines(a);
    JsonNode first = new ObjectMapper().readTree(lines.get(1));
    assertThat(first.get("sql").asText()).startsWith("INSERT INTO staging.stg_orders");
    assertThat(first.get("start_time").asText()).isEqualTo("2024-01-01T02:00:01Z");
    // The same ETL statement on the next day differs only in its literals.
    JsonNode nextDay = new ObjectMapper().readTree(lines.get(501));
    assertThat(nextDay.get("sql").asText())
        .isNotEqualTo(first.get("sql").asText())
        .contains("DATE '2024-01-02'");
  }

  @Test
  void truthCoversEveryEtlStatementWithQualifiedNames() {
    assertThat(WorkloadGenerator.expectedEdges())
        .contains(
            "analytics.raw.orders>analytics.staging.stg_orders",
            "analytics.staging.stg_customers.country>analytics.marts.customer_rank.rank_in_country")
        .allSatisfy(e -> assertThat(e).startsWith("analytics.").contains(">analytics."));
    assertThat(WorkloadGenerator.catalog()).hasSize(WarehouseModel.TABLES.size());
  }

  @Test
  void aRealisticMixHasItsDistinctShareTruncatedStatementsThatRecurAndScripts() throws Exception {
    Path log = dir.resolve("realistic.jsonl");
    int rows = 20_000;
    WorkloadGenerator.Written written =
        new WorkloadGenerator(rows, 3, 500, new WorkloadMix(0.1, 0.05)).write(log);

    ObjectMapper json = new ObjectMapper();
    Set<String> fingerprints = new HashSet<>();
    Map<String, Integer> truncated = new HashMap<>();
    Set<String> dialects = new HashSet<>();
    Map<String, String> distinctStatements = new HashMap<>();
    int scripts = 0;
    for (String line : Files.readAllLines(log)) {
      JsonNode row = json.readTree(line);
      String sql = row.get("sql").asText();
      String dialect = row.get("dialect").asText();
      dialects.add(dialect);
      fingerprints.add(QueryFingerprint.of(sql, Dialects.byName(dialect)) + "|" + dialect);
      distinctStatements.putIfAbsent(sql, dialect);
      if (sql.length() == LongStatements.HISTORY_TEXT_LIMIT) {
        truncated.merge(sql, 1, Integer::sum);
      }
      if (sql.startsWith("CREATE TEMPORARY TABLE")) {
        scripts++;
      }
    }
    assertThat(written.rows()).isEqualTo(rows);
    // About 10% distinct statements, of which 5% × 10% of the rows are truncated ones.
    assertThat(fingerprints.size()).isBetween(1_800, 2_200);
    assertThat(written.truncatedRows()).isBetween(800L, 1_200L);
    assertThat(truncated.values().stream().mapToLong(Integer::intValue).sum())
        .isEqualTo(written.truncatedRows());
    assertThat(truncated).hasSize((int) written.truncatedStatements());
    assertThat(written.truncatedStatements()).isBetween(80L, 100L);
    // The same truncated statement recurs.
    assertThat(truncated.values()).allSatisfy(n -> assertThat(n).isGreaterThan(1));
    assertThat(written.adHocRows()).isBetween(1_700L, 2_100L);
    assertThat(dialects).containsExactlyInAnyOrder("postgresql", "redshift", "snowflake");
    assertThat(scripts).isEqualTo(written.days());

    // The truth: what fails is exactly the broken and the truncated statements; every ad-hoc
    // query and script is analyzed.
    LineageAnalyzer analyzer = new LineageAnalyzer();
    int failedTruncated = 0;
    for (Map.Entry<String, String> statement : distinctStatements.entrySet()) {
      String sql = statement.getKey();
      Dialect dialect = Dialects.byName(statement.getValue());
      List<StatementLineage> lineage =
          analyzer.analyze(
              new AnalysisRequest(
                  sql,
                  dialect,
                  Optional.of(WarehouseModel.DATABASE),
                  Optional.of("public"),
                  InMemoryCatalog.of(WorkloadGenerator.catalog(), dialect)));
      boolean failed = lineage.stream().anyMatch(StatementLineage::failed);
      boolean broken = WarehouseModel.BROKEN.stream().anyMatch(b -> filledIn(b, sql));
      if (truncated.containsKey(sql)) {
        assertThat(failed).as(sql).isTrue();
        failedTruncated++;
      } else {
        assertThat(failed).as(sql).isEqualTo(broken);
      }
    }
    assertThat(failedTruncated).isEqualTo(written.truncatedStatements());
  }

  @Test
  void truncatedStatementsAreCutInsideTheirInList() {
    for (long i = 0; i < 50; i++) {
      String full = LongStatements.full(i);
      String cut = LongStatements.truncated(i);
      assertThat(full.length()).isGreaterThan(LongStatements.HISTORY_TEXT_LIMIT);
      assertThat(cut)
          .hasSize(LongStatements.HISTORY_TEXT_LIMIT)
          .isEqualTo(LongStatements.truncated(i));
      assertThat(cut.chars().filter(c -> c == '(').count())
          .isGreaterThan(cut.chars().filter(c -> c == ')').count());
    }
  }

  @Test
  void theRealisticTruthAddsTheTempTableSessionsStitchedEdges() {
    assertThat(WorkloadGenerator.expectedEdges(new WorkloadMix(0.01, 0)))
        .containsAll(WorkloadGenerator.expectedEdges())
        .contains(
            "analytics.staging.stg_orders>analytics.marts.recent_customer_value",
            "analytics.staging.stg_orders.amount_usd"
                + ">analytics.marts.recent_customer_value.recent_value")
        .noneMatch(edge -> edge.contains("tmp_recent_orders"))
        .hasSize(WorkloadGenerator.expectedEdges().size() + 3);
  }

  /** Whether {@code sql} is {@code template} with its day and number filled in. */
  private static boolean filledIn(String template, String sql) {
    StringBuilder regex = new StringBuilder();
    for (String part : template.replace("%2$d", "%1$s").split("%1\\$s", -1)) {
      regex.append(regex.isEmpty() ? "" : ".+").append(Pattern.quote(part));
    }
    return sql.matches(regex.toString());
  }
}
