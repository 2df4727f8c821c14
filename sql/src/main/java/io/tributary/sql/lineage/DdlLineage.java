package io.tributary.sql.lineage;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.DeclaredColumn;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableChange;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.parse.DdlStatement;
import io.tributary.sql.resolve.OutputColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lineage of DDL statements: a DDL statement moves no data, so it has no column pairs, except a
 * copy of a table with its rows (CLONE, COPY), whose columns flow one to one into the new table;
 * and the {@link TableChange.Created} a statement creating a table with a query reports beside its
 * pairs.
 */
public final class DdlLineage {

  private DdlLineage() {}

  /** The lineage of a DDL statement read before parsing. */
  public static StatementLineage of(int index, String sql, DdlStatement ddl, Catalog catalog) {
    List<ColumnLineage> pairs = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    for (TableChange change : ddl.changes()) {
      if (change instanceof TableChange.CreatedFrom copy && copy.withRows()) {
        copyRows(copy, catalog, pairs, warnings);
      }
    }
    return new StatementLineage(
        index,
        sql,
        ddl.kind(),
        ddl.sources(),
        ddl.target(),
        pairs,
        List.of(),
        warnings,
        Optional.empty(),
        ddl.changes());
  }

  private static void copyRows(
      TableChange.CreatedFrom copy,
      Catalog catalog,
      List<ColumnLineage> pairs,
      List<Warning> warnings) {
    Optional<CatalogTable> known = catalog.table(copy.template());
    if (known.isEmpty()) {
      warnings.add(
          new Warning(
              WarningKind.UNKNOWN_COLUMNS,
              "table "
                  + copy.template().qualified()
                  + " is not in the catalog: its columns are copied as "
                  + OutputColumn.STAR));
      pairs.add(
          new ColumnLineage(
              ColumnName.of(copy.template(), OutputColumn.STAR),
              ColumnName.of(copy.table(), OutputColumn.STAR),
              LineageKind.DIRECT));
      return;
    }
    for (CatalogColumn c : known.get().columns()) {
      pairs.add(
          new ColumnLineage(
              ColumnName.of(known.get().name(), c.name()),
              ColumnName.of(copy.table(), c.name()),
              LineageKind.DIRECT));
    }
  }

  /**
   * A statement that creates its target with a query (CREATE TABLE .. AS, SELECT .. INTO, a view)
   * reports the creation: the columns it writes, in order, and whether its syntax makes the table
   * temporary (asked only of such statements).
   */
  public static StatementLineage withCreation(
      StatementLineage lineage, java.util.function.BooleanSupplier temporary) {
    if (lineage.target().isEmpty() || !createsTarget(lineage.kind())) {
      return lineage;
    }
    TableName table = lineage.target().get();
    Set<String> names = new LinkedHashSet<>();
    for (ColumnLineage pair : lineage.columns()) {
      if (!pair.to().name().equals(OutputColumn.STAR)) {
        names.add(pair.to().name());
      }
    }
    List<DeclaredColumn> columns = new ArrayList<>();
    names.forEach(n -> columns.add(new DeclaredColumn(n, Optional.empty())));
    List<TableChange> changes = new ArrayList<>(lineage.changes());
    changes.add(new TableChange.Created(table, columns, temporary.getAsBoolean()));
    return lineage.withChanges(changes);
  }

  private static boolean createsTarget(StatementKind kind) {
    return switch (kind) {
      case CREATE_TABLE_AS, SELECT_INTO, CREATE_VIEW, CREATE_MATERIALIZED_VIEW -> true;
      default -> false;
    };
  }
}
