package io.tributary.sql.model;

import java.util.List;
import java.util.Objects;

/**
 * What a statement does to a table's existence, name or columns, for the lineage store to follow
 * (learned schemas, renames, drops) and for a session to stitch temporary tables through. A DDL
 * statement carries one change per table and action ({@code ALTER TABLE t ADD a int, DROP b} is
 * two); a statement that creates a table with a query ({@code CREATE TABLE .. AS}, {@code SELECT ..
 * INTO}, a view) carries a {@link Created} beside its column pairs.
 */
public sealed interface TableChange {

  /** The table the change applies to (for a rename, the new name; for a swap, the first table). */
  TableName table();

  /**
   * A table or view is created.
   *
   * @param columns the declared columns in order (CREATE TABLE t (a int, ..)), or for a query
   *     creating the table the names it writes, without types; empty when unknown
   * @param temporary whether the statement makes it temporary by its syntax (TEMP, TEMPORARY,
   *     VOLATILE, a temporary view or cached table); a name's own marks ({@code #t}, dbt's {@code
   *     __dbt_tmp}) are judged by the session, not here
   */
  record Created(TableName table, List<DeclaredColumn> columns, boolean temporary)
      implements TableChange {
    public Created {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
    }
  }

  /**
   * {@code table} is created with the columns of {@code template}: LIKE copies only the columns,
   * CLONE and COPY ({@code withRows}) the rows too.
   */
  record CreatedFrom(TableName table, TableName template, boolean withRows, boolean temporary)
      implements TableChange {
    public CreatedFrom {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(template, "template");
    }
  }

  /** ALTER TABLE .. ADD [COLUMN]. */
  record ColumnAdded(TableName table, DeclaredColumn column) implements TableChange {
    public ColumnAdded {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }
  }

  /** ALTER TABLE .. DROP [COLUMN]. */
  record ColumnDropped(TableName table, String column) implements TableChange {
    public ColumnDropped {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }
  }

  /** ALTER TABLE .. RENAME COLUMN a TO b, sp_rename 't.a', 'b', 'COLUMN'. */
  record ColumnRenamed(TableName table, String from, String to) implements TableChange {
    public ColumnRenamed {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** The table {@code from} is now called {@code table}. */
  record Renamed(TableName from, TableName table) implements TableChange {
    public Renamed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Snowflake's SWAP WITH: each table takes the other's name (two renames at one instant). */
  record Swapped(TableName table, TableName other) implements TableChange {
    public Swapped {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(other, "other");
    }
  }

  /** DROP TABLE or DROP VIEW. */
  record Dropped(TableName table, boolean view) implements TableChange {
    public Dropped {
      Objects.requireNonNull(table, "table");
    }
  }

  /** TRUNCATE: the rows go; the table, its columns and lineage stay. */
  record Truncated(TableName table) implements TableChange {
    public Truncated {
      Objects.requireNonNull(table, "table");
    }
  }
}
