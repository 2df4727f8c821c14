package io.tributary.sql.resolve;

import java.util.List;
import java.util.Optional;

/**
 * Something a query reads rows from under a name: a table, a child scope (derived table, CTE) or a
 * table function. Column resolution asks each source of a scope whether it has a column.
 */
public sealed interface Source permits TableSource, DerivedSource, FunctionSource {

  /** Whether a source has a column, as far as the analyzer knows. */
  enum Presence {
    YES,
    NO,
    /** The source's columns are not known (a table missing from the catalog). */
    UNKNOWN
  }

  /** The normalized name that qualifies this source's columns: its alias, else its table name. */
  String alias();

  Presence has(String column);

  /** Where a column of this source comes from; asked only when {@link #has} is not NO. */
  ColumnOrigins column(String column);

  /** Every column in declared order, for {@code *}; empty when the columns are not known. */
  Optional<List<OutputColumn>> columns();

  /** How warnings name this source. */
  String describe();
}
