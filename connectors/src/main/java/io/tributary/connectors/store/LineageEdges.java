package io.tributary.connectors.store;

import io.tributary.connectors.store.StoreCatalog.StoredTable;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which relationships an analyzed statement stores: the one rule for the Flink job, the API (a
 * query's preview, POST and PATCH) and OpenLineage reports.
 *
 * <ul>
 *   <li>A statement that failed or writes no table (a plain SELECT, a DELETE, a utility statement)
 *       stores nothing, and registers nothing.
 *   <li>Each source table → the target table, unless it is the target itself.
 *   <li>Each column pair between two table columns, unless a column flows into itself ({@code SET
 *       total = total + x}).
 *   <li>A column the analyzer could not place in a table is not an edge; it is listed as
 *       unresolved.
 *   <li>A {@code *} is not a column: the analyzer keeps an unknown table's {@code *} visible
 *       ({@code INSERT INTO t SELECT * FROM unknown_table} yields {@code unknown_table.* → t.*});
 *       that pair is no edge and registers no {@code *} resource. It is listed as unresolved.
 * </ul>
 *
 * Names resolve through {@link ResourceNames}: the catalog's tables and columns, and names it does
 * not know registered as discovered resources (or dropped, with their edges, when registering is
 * off).
 */
public final class LineageEdges {

  private static final String STAR = "*";

  private LineageEdges() {}

  /**
   * A relationship between two resources: data flows from {@code source} into {@code target}.
   *
   * @param kind how a column's value flows; null for a table edge
   */
  public record Edge(UUID source, UUID target, boolean column, LineageKind kind) {

    /** A table edge. */
    static Edge table(UUID source, UUID target) {
      return new Edge(source, target, false, null);
    }
  }

  /**
   * What one statement reads and writes, resolved.
   *
   * @param target the table written
   * @param sources the tables read
   * @param edges the table edges, then the column edges, without duplicates
   */
  public record Resolved(
      Optional<StoredTable> target, List<StoredTable> sources, List<Edge> edges) {

    static final Resolved NOTHING = new Resolved(Optional.empty(), List.of(), List.of());

    /** The column edges. */
    public List<Edge> columnEdges() {
      return edges.stream().filter(Edge::column).toList();
    }
  }

  /** The edges of a statement into its own target. */
  /**
   * DDL that moves no rows (DROP, ALTER, RENAME, CREATE TABLE with columns or LIKE) writes no
   * lineage into its table: it changes the table, which the store learns from its table changes
   * instead.
   */
  private static boolean movesNoRows(StatementLineage statement) {
    return statement.kind().isDdl()
        && statement.sources().isEmpty()
        && statement.columns().isEmpty();
  }

  public static Resolved resolve(StatementLineage statement, ResourceNames names) {
    return resolve(statement, Optional.empty(), names);
  }

  /**
   * The edges of a statement; with {@code target} given, every column pair flows into that table
   * (the output columns of a plain SELECT too), whatever the statement writes.
   */
  public static Resolved resolve(
      StatementLineage statement, Optional<StoredTable> target, ResourceNames names) {
    if (statement.failed() || movesNoRows(statement)) {
      return Resolved.NOTHING;
    }
    target.ifPresent(names::pin);
    Optional<StoredTable> into = target.or(() -> statement.target().flatMap(names::table));
    if (into.isEmpty()) {
      return Resolved.NOTHING;
    }
    UUID to = into.get().id();
    List<StoredTable> sources = new ArrayList<>();
    Map<List<UUID>, Edge> edges = new LinkedHashMap<>();
    for (TableName source : statement.sources()) {
      Optional<StoredTable> from = names.table(source);
      from.ifPresent(sources::add);
      if (from.isPresent() && !from.get().id().equals(to)) {
        edges.putIfAbsent(List.of(from.get().id(), to), Edge.table(from.get().id(), to));
      }
    }
    for (ColumnLineage pair : statement.columns()) {
      Optional<TableName> fromTable = pair.from().table();
      if (!isTableColumn(pair.from())) {
        names.unplaced(pair.from().toString());
        continue;
      }
      Optional<StoredTable> toTable =
          target.isPresent() ? target : pair.to().table().isPresent() ? into : Optional.empty();
      if (toTable.isEmpty() || STAR.equals(pair.to().name())) {
        continue; // an output column of a plain SELECT (no resource to point at), or a *
      }
      Optional<UUID> from = column(names, fromTable.get(), pair.from());
      Optional<UUID> toColumn =
          from.isPresent()
              ? names.column(toTable.get(), pair.to().name(), Optional.empty())
              : Optional.empty();
      if (from.isPresent() && toColumn.isPresent() && !from.get().equals(toColumn.get())) {
        edges.merge(
            List.of(from.get(), toColumn.get()),
            new Edge(from.get(), toColumn.get(), true, pair.kind()),
            (held, again) ->
                new Edge(
                    held.source(), held.target(), true, EdgeRow.merge(held.kind(), again.kind())));
      }
    }
    return new Resolved(into, List.copyOf(sources), List.copyOf(edges.values()));
  }

  /**
   * Whether a pair flows between two columns of tables, as a statement's own lineage stores it
   * (OpenLineage run events report the same pairs).
   */
  public static boolean betweenTableColumns(ColumnLineage pair) {
    return isTableColumn(pair.from()) && isTableColumn(pair.to());
  }

  /** A column placed in a table, and not a {@code *}. */
  private static boolean isTableColumn(ColumnName column) {
    return column.table().isPresent() && !STAR.equals(column.name());
  }

  private static Optional<UUID> column(ResourceNames names, TableName table, ColumnName column) {
    return names.table(table).flatMap(t -> names.column(t, column.name(), Optional.empty()));
  }
}
