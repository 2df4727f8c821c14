package io.tributary.sql.model;

/** What a {@link Warning} is about, so that warnings can be counted and filtered by kind. */
public enum WarningKind {
  /** A column's or a {@code t.*}'s qualifier names no table or alias in scope. */
  UNKNOWN_QUALIFIER,
  /** A column name is a column of several tables in scope: it is not traced. */
  AMBIGUOUS_COLUMN,
  /** A column could belong to several tables whose columns are unknown: it is not traced. */
  UNPLACED_COLUMN,
  /** A column is not a known column of any table in scope. */
  UNKNOWN_COLUMN,
  /**
   * A table's columns are unknown (the catalog does not have it), so a {@code *}, a NATURAL join or
   * a write without column list is traced only in part.
   */
  UNKNOWN_COLUMNS,
  /** A {@code *} with no table in scope. */
  STAR_WITHOUT_TABLE,
  /** Column counts disagree: of set-operation branches, or of a query and the columns it fills. */
  COLUMN_COUNT_MISMATCH,
  /**
   * The rows written come from outside any table (a procedure's result set, files): the statement
   * has a target and no source.
   */
  ROWS_FROM_OUTSIDE,
  /**
   * A temporary table is read whose creation was not seen in the session (or that was dropped):
   * what flows out of it is unknown.
   */
  UNRESOLVED_TEMPORARY_TABLE,
  /** A construct whose columns are not traced (PIVOT, UNPIVOT): lineage may be missing. */
  NOT_TRACED
}
