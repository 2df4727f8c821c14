package io.tributary.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementEdgesTest {

  static final TableName ORDERS = TableName.of("db", "raw", "orders");
  static final TableName TOTALS = TableName.of("db", "marts", "totals");

  @Test
  void tableEdgesFromEverySourceAndColumnEdgesBetweenTableColumns() {
    StatementLineage lineage =
        new StatementLineage(
            0,
            "UPDATE ...",
            StatementKind.UPDATE,
            List.of(ORDERS, TOTALS),
            Optional.of(TOTALS),
            List.of(
                new ColumnLineage(
                    ColumnName.of(ORDERS, "amount"),
                    ColumnName.of(TOTALS, "total"),
                    LineageKind.DERIVED),
                // a column into itself (SET total = total + x) is no edge
                new ColumnLineage(
                    ColumnName.of(TOTALS, "total"),
                    ColumnName.of(TOTALS, "total"),
                    LineageKind.DERIVED),
                // an unknown table's * kept visible is no edge
                new ColumnLineage(
                    ColumnName.of(ORDERS, "*"), ColumnName.of(TOTALS, "*"), LineageKind.DIRECT)),
            List.of(),
            List.of(),
            Optional.empty());

    List<NamedEdge> edges = StatementEdges.of(lineage, "fp", 5L, 9L);

    assertThat(edges)
        .extracting(e -> e.from() + ">" + e.to())
        .containsExactly(
            "db.raw.orders>db.marts.totals", "db.raw.orders.amount>db.marts.totals.total");
    assertThat(edges)
        .allSatisfy(
            e -> {
              assertThat(e.fingerprint()).isEqualTo("fp");
              assertThat(e.firstSeenMillis()).isEqualTo(5L);
              assertThat(e.lastSeenMillis()).isEqualTo(9L);
            });
  }

  @Test
  void noEdgesWithoutATargetTable() {
    StatementLineage select =
        new StatementLineage(
            0,
            "SELECT amount FROM orders",
            StatementKind.SELECT,
            List.of(ORDERS),
            Optional.empty(),
            List.of(
                new ColumnLineage(
                    ColumnName.of(ORDERS, "amount"),
                    ColumnName.output("amount"),
                    LineageKind.DIRECT)),
            List.of(),
            List.of(),
            Optional.empty());
    assertThat(StatementEdges.of(select, "fp", 0, 0)).isEmpty();
    assertThat(StatementEdges.of(StatementLineage.utility(0, "COMMIT"), "fp", 0, 0)).isEmpty();
  }
}
