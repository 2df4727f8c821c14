package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.LineageEdges.Edge;
import io.tributary.connectors.store.LineageEdges.Resolved;
import io.tributary.connectors.store.StoreCatalog.StoredColumn;
import io.tributary.connectors.store.StoreCatalog.StoredTable;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one rule that turns an analyzed statement into stored edges. */
class LineageEdgesTest {

  static final TableName ORDERS = TableName.of("db", "raw", "orders");
  static final TableName TOTALS = TableName.of("db", "marts", "totals");
  static final TableName UNKNOWN = TableName.of("db", "raw", "unknown_table");

  /** orders(amount) and totals(total) are in the catalog; unknown_table is not. */
  static final StoredTable ORDERS_ROW = stored(ORDERS, "amount");

  static final StoredTable TOTALS_ROW = stored(TOTALS, "total");
  static final StoreCatalog CATALOG = StoreCatalog.of(List.of(ORDERS_ROW, TOTALS_ROW));

  private static StoredTable stored(TableName name, String column) {
    UUID id = StoreIds.tableId(Optional.empty(), name.database(), name.schema(), name.name());
    return new StoredTable(
        id,
        name,
        EntityType.TABLE,
        Optional.empty(),
        false,
        List.of(new StoredColumn(StoreIds.columnId(id, column), column, Optional.empty())));
  }

  private static StatementLineage writing(
      StatementKind kind, List<TableName> sources, TableName target, ColumnLineage... pairs) {
    return new StatementLineage(
        0,
        "...",
        kind,
        sources,
        Optional.ofNullable(target),
        List.of(pairs),
        List.of(),
        List.of(),
        Optional.empty());
  }

  private static ColumnLineage pair(TableName from, String fromColumn, TableName to, String toCol) {
    return new ColumnLineage(
        ColumnName.of(from, fromColumn), ColumnName.of(to, toCol), LineageKind.DIRECT);
  }

  private static ResourceNames names(boolean register) {
    return new ResourceNames(CATALOG, IdentifierCase.LOWER, register);
  }

  private static UUID column(StoredTable table) {
    return table.columns().get(0).id();
  }

  @Test
  void tableEdgesFromEverySourceAndColumnEdgesBetweenTableColumns() {
    StatementLineage update =
        writing(
            StatementKind.UPDATE,
            List.of(ORDERS, TOTALS),
            TOTALS,
            pair(ORDERS, "amount", TOTALS, "total"),
            // a column into itself (SET total = total + x) is no edge
            pair(TOTALS, "total", TOTALS, "total"));

    ResourceNames names = names(true);
    Resolved resolved = LineageEdges.resolve(update, names);

    assertThat(resolved.target()).contains(TOTALS_ROW);
    assertThat(resolved.sources()).containsExactly(ORDERS_ROW, TOTALS_ROW);
    assertThat(resolved.edges())
        .containsExactly(
            Edge.table(ORDERS_ROW.id(), TOTALS_ROW.id()),
            new Edge(column(ORDERS_ROW), column(TOTALS_ROW), true, LineageKind.DIRECT));
    assertThat(names.newRows()).isEmpty();
    assertThat(names.unresolved()).isEmpty();
  }

  @Test
  void aPairBothDirectAndDerivedIsOneDirectEdge() {
    // A statement whose analysis gives the same pair once copied and once computed.
    ColumnLineage copied = pair(ORDERS, "amount", TOTALS, "total");
    ColumnLineage computed = new ColumnLineage(copied.from(), copied.to(), LineageKind.DERIVED);
    StatementLineage derivedOnly = writing(StatementKind.INSERT, List.of(ORDERS), TOTALS, computed);
    StatementLineage both =
        writing(StatementKind.INSERT, List.of(ORDERS), TOTALS, computed, copied);

    assertThat(LineageEdges.resolve(derivedOnly, names(true)).columnEdges())
        .containsExactly(
            new Edge(column(ORDERS_ROW), column(TOTALS_ROW), true, LineageKind.DERIVED));
    assertThat(LineageEdges.resolve(both, names(true)).columnEdges())
        .containsExactly(
            new Edge(column(ORDERS_ROW), column(TOTALS_ROW), true, LineageKind.DIRECT));
  }

  @Test
  void anUnknownTablesStarIsNoEdgeAndNoResource() {
    // INSERT INTO totals SELECT * FROM unknown_table: the analyzer keeps the * visible.
    StatementLineage insert =
        writing(StatementKind.INSERT, List.of(UNKNOWN), TOTALS, pair(UNKNOWN, "*", TOTALS, "*"));

    ResourceNames names = names(true);
    Resolved resolved = LineageEdges.resolve(insert, names);

    UUID unknown =
        StoreIds.tableId(Optional.empty(), UNKNOWN.database(), UNKNOWN.schema(), UNKNOWN.name());
    assertThat(resolved.edges()).containsExactly(Edge.table(unknown, TOTALS_ROW.id()));
    assertThat(names.newRows())
        .extracting(ResourceRow::title, ResourceRow::entityType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unknown_table", EntityType.TABLE));
    assertThat(names.unresolved())
        .containsExactly("db.raw.unknown_table", "db.raw.unknown_table.*");
  }

  @Test
  void unknownNamesAreRegisteredWithNameBasedIdsOrDroppedWithTheirEdges() {
    StatementLineage insert =
        writing(
            StatementKind.INSERT,
            List.of(UNKNOWN),
            TOTALS,
            pair(UNKNOWN, "price", TOTALS, "total"),
            pair(ORDERS, "amount", TOTALS, "new_column"));

    ResourceNames registering = names(true);
    Resolved registered = LineageEdges.resolve(insert, registering);
    UUID unknown =
        StoreIds.tableId(Optional.empty(), UNKNOWN.database(), UNKNOWN.schema(), UNKNOWN.name());
    assertThat(registered.edges())
        .containsExactly(
            Edge.table(unknown, TOTALS_ROW.id()),
            new Edge(
                StoreIds.columnId(unknown, "price"), column(TOTALS_ROW), true, LineageKind.DIRECT),
            new Edge(
                column(ORDERS_ROW),
                StoreIds.columnId(TOTALS_ROW.id(), "new_column"),
                true,
                LineageKind.DIRECT));
    assertThat(registering.takeNewRows())
        .extracting(ResourceRow::title)
        .containsExactly("unknown_table", "price", "new_column");
    assertThat(registering.takeNewRows()).isEmpty();
    assertThat(registering.unresolved())
        .containsExactly(
            "db.raw.unknown_table", "db.raw.unknown_table.price", "db.marts.totals.new_column");

    ResourceNames known = names(false);
    assertThat(LineageEdges.resolve(insert, known).edges()).isEmpty();
    assertThat(known.newRows()).isEmpty();
    assertThat(known.unresolved()).hasSize(2);
  }

  @Test
  void aColumnOfNoTableIsNoEdgeButListed() {
    StatementLineage insert =
        writing(
            StatementKind.INSERT,
            List.of(),
            TOTALS,
            new ColumnLineage(
                ColumnName.output("x"), ColumnName.of(TOTALS, "total"), LineageKind.DIRECT));
    ResourceNames names = names(true);
    assertThat(LineageEdges.resolve(insert, names).edges()).isEmpty();
    assertThat(names.unresolved()).containsExactly("x");
  }

  @Test
  void aGivenTargetTakesEveryPairEvenAPlainSelectsOutputColumns() {
    StatementLineage select =
        writing(
            StatementKind.SELECT,
            List.of(ORDERS),
            null,
            new ColumnLineage(
                ColumnName.of(ORDERS, "amount"), ColumnName.output("total"), LineageKind.DIRECT));
    ResourceNames names = names(true);

    assertThat(LineageEdges.resolve(select, names).edges()).isEmpty();
    assertThat(LineageEdges.resolve(select, Optional.of(TOTALS_ROW), names).edges())
        .containsExactly(
            Edge.table(ORDERS_ROW.id(), TOTALS_ROW.id()),
            new Edge(column(ORDERS_ROW), column(TOTALS_ROW), true, LineageKind.DIRECT));
  }

  @Test
  void nothingFromAStatementThatWritesNoTableOrFailed() {
    StatementLineage select =
        writing(
            StatementKind.SELECT,
            List.of(UNKNOWN),
            null,
            new ColumnLineage(
                ColumnName.of(UNKNOWN, "a"), ColumnName.output("a"), LineageKind.DIRECT));
    ResourceNames names = names(true);
    assertThat(LineageEdges.resolve(select, names).edges()).isEmpty();
    assertThat(LineageEdges.resolve(StatementLineage.utility(0, "COMMIT"), names).edges())
        .isEmpty();
    assertThat(names.newRows()).isEmpty(); // a plain SELECT registers nothing
  }
}
