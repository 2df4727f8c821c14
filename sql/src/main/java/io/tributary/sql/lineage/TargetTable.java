package io.tributary.sql.lineage;

import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.resolve.OutputColumn;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Source;
import io.tributary.sql.resolve.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.schema.Column;

/**
 * The table a statement writes, and how a query's outputs land on its columns: by position onto an
 * explicit column list, else onto the catalog's columns, else (with a warning) by the query's own
 * output names.
 */
final class TargetTable {

  private final AnalysisContext context;
  private final TableSource table;

  TargetTable(AnalysisContext context, TableSource table) {
    this.context = context;
    this.table = table;
  }

  TableName name() {
    return table.name();
  }

  TableSource source() {
    return table;
  }

  /** A column of the target, spelled as the catalog spells it when it knows it. */
  ColumnName column(String name) {
    if (table.has(name) == Source.Presence.YES) {
      return table.column(name).asMap().keySet().iterator().next();
    }
    return ColumnName.of(table.name(), name);
  }

  /** Normalized names of an explicit column list ({@code INSERT INTO t (a, b)}); empty if none. */
  List<String> names(List<Column> columns) {
    if (columns == null || columns.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) {
      names.add(context.dialect.normalize(c.getColumnName()));
    }
    return names;
  }

  /** The catalog's columns of the target in declared order, if the catalog knows the table. */
  Optional<List<String>> catalogColumns() {
    Optional<CatalogTable> known = table.table();
    if (known.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (CatalogColumn c : known.get().columns()) {
      names.add(c.name());
    }
    return Optional.of(names);
  }

  /**
   * Maps outputs by position onto the given names, or the catalog's, or their own names; returns
   * the row written, named by the target's columns.
   */
  QueryOutput map(QueryOutput output, List<String> explicit, LineagePairs pairs) {
    List<String> names = explicit;
    if (names.isEmpty()) {
      Optional<List<String>> known = catalogColumns();
      if (known.isPresent()) {
        names = known.get();
      } else if (readsAnyColumn(output)) {
        context.warn(
            WarningKind.UNKNOWN_COLUMNS,
            "table "
                + table.name().qualified()
                + " is not in the catalog: the query's output names are used as its columns");
      }
    }
    return mapOnto(output, names, pairs);
  }

  private static boolean readsAnyColumn(QueryOutput output) {
    for (OutputColumn c : output.columns()) {
      if (!c.origins().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Maps outputs onto the names by position; without names, by the outputs' own names. Returns the
   * row written, named by the target's columns.
   */
  QueryOutput mapOnto(QueryOutput output, List<String> names, LineagePairs pairs) {
    List<OutputColumn> columns = output.columns();
    if (!names.isEmpty() && columns.size() != names.size() && !output.hasStar()) {
      context.warn(
          WarningKind.COLUMN_COUNT_MISMATCH,
          "the query has "
              + columns.size()
              + " columns for "
              + names.size()
              + " columns of "
              + table.name().qualified());
    }
    boolean positional = !names.isEmpty();
    List<OutputColumn> written = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      OutputColumn c = columns.get(i);
      if (c.isStar()) {
        // Positions after an unknown table's columns cannot be counted.
        positional = false;
        pairs.add(c.origins(), ColumnName.of(table.name(), OutputColumn.STAR));
        written.add(c);
        continue;
      }
      if (positional && i >= names.size()) {
        continue;
      }
      String name = positional ? names.get(i) : c.name();
      pairs.add(c.origins(), column(name));
      written.add(new OutputColumn(name, c.origins()));
    }
    return new QueryOutput(written);
  }

  /**
   * Makes the target a source, ahead of the others, when one of its own columns flows into a
   * written value, and withdraws it otherwise: an UPDATE's target named in its own FROM or met as
   * the table updated is not read.
   */
  void readOnlyIfItFlows(LineagePairs pairs) {
    if (!readIfItFlows(pairs)) {
      context.unread(table.name());
    }
  }

  /**
   * Makes the target a source, ahead of the others, when one of its own columns flows into a
   * written value; a target the query reads in its FROM, a JOIN or a subquery stays a source where
   * it was read ({@code INSERT INTO a SELECT b.x FROM b JOIN a ON ..}).
   */
  boolean readIfItFlows(LineagePairs pairs) {
    for (ColumnName from : pairs.sourceColumns()) {
      if (from.table().isPresent() && from.table().get().equals(table.name())) {
        context.readFirst(table.name());
        return true;
      }
    }
    return false;
  }
}
