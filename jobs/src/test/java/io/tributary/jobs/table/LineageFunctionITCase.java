package io.tributary.jobs.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/** LINEAGE(...) called from Flink SQL through a TableEnvironment. */
class LineageFunctionITCase {

  @Test
  void returnsOneRowPerColumnPair() throws Exception {
    TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    tables.getConfig().set("parallelism.default", "1");
    tables.createTemporarySystemFunction("LINEAGE", LineageFunction.class);
    tables.executeSql(
        "CREATE TEMPORARY VIEW queries (id, sql_text) AS VALUES"
            + " (1, 'INSERT INTO marts.revenue (day, total) SELECT o.day, SUM(o.amount)"
            + " FROM raw.orders o GROUP BY o.day'),"
            + " (2, 'SELEC nothing'),"
            + " (3, 'COMMIT')");
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it =
        tables
            .executeSql(
                "SELECT q.id, l.source_schema, l.source_table, l.source_column,"
                    + " l.target_database, l.target_schema, l.target_table, l.target_column, l.kind"
                    + " FROM queries AS q,"
                    + " LATERAL TABLE(LINEAGE(q.sql_text, 'postgresql', 'analytics', 'public')) AS l"
                    + " ORDER BY l.target_column")
            .collect()) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows)
        .extracting(Row::toString)
        .containsExactly(
            "+I[1, raw, orders, day, analytics, marts, revenue, day, direct]",
            "+I[1, raw, orders, amount, analytics, marts, revenue, total, derived]");
  }
}
