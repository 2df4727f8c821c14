package io.tributary.jobs.pipeline;

import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.TableName;

/**
 * One side of an edge as the analyzer named it: a table, or a column of a table ({@code column}
 * set). Parts the statement and its defaults did not give are null.
 */
public record EdgeEnd(String database, String schema, String table, String column) {

  public static EdgeEnd of(TableName name) {
    return new EdgeEnd(name.database().orElse(null), name.schema().orElse(null), name.name(), null);
  }

  public static EdgeEnd of(TableName table, String column) {
    return new EdgeEnd(
        table.database().orElse(null), table.schema().orElse(null), table.name(), column);
  }

  public static EdgeEnd of(ColumnName column) {
    TableName table =
        column
            .table()
            .orElseThrow(() -> new IllegalArgumentException("an output column has no table"));
    return of(table, column.name());
  }

  public boolean isColumn() {
    return column != null;
  }

  /** The table this end is or belongs to. */
  public EdgeEnd tableEnd() {
    return isColumn() ? new EdgeEnd(database, schema, table, null) : this;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (database != null) {
      s.append(database).append('.');
    }
    if (schema != null) {
      s.append(schema).append('.');
    }
    s.append(table);
    if (column != null) {
      s.append('.').append(column);
    }
    return s.toString();
  }
}
