package io.tributary.jobs.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
