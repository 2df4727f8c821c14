package io.tributary.sql.model;

/** What a statement does, as far as lineage is concerned. */
public enum StatementKind {
  SELECT,
  SELECT_INTO,
  INSERT,
  INSERT_OVERWRITE,
  CREATE_TABLE_AS,
  CREATE_VIEW,
  CREATE_MATERIALIZED_VIEW,
  MERGE,
  UPDATE,
  DELETE,
  /** CREATE TABLE with a column list: no data moves; its columns are a {@link TableChange}. */
  CREATE_TABLE,
  /** CREATE TABLE t LIKE s, {@code (LIKE s)}: s's columns without its rows (no column pairs). */
  CREATE_TABLE_LIKE,
  /** Snowflake CREATE TABLE t CLONE s, BigQuery CLONE/COPY: s's columns and rows (pairs s → t). */
  CREATE_TABLE_CLONE,
  /** ALTER TABLE adding, dropping or renaming columns, or changing what lineage does not see. */
  ALTER_TABLE,
  /** ALTER TABLE a RENAME TO b, RENAME TABLE a TO b, T-SQL sp_rename of a table. */
  RENAME_TABLE,
  /** Snowflake ALTER TABLE a SWAP WITH b: two renames at once. */
  SWAP_TABLES,
  DROP_TABLE,
  /** DROP VIEW and DROP MATERIALIZED VIEW. */
  DROP_VIEW,
  /** TRUNCATE [TABLE]: the rows go, the table stays. */
  TRUNCATE,
  /**
   * A statement without lineage: transaction control, SET, SHOW, USE, GRANT, DDL of objects other
   * than tables...
   */
  UTILITY,
  /** A statement that could not be analyzed; its {@link AnalysisError} says why. */
  FAILED;

  /** Whether this is DDL on tables: it changes tables' existence, names or columns, not rows. */
  public boolean isDdl() {
    return switch (this) {
      case CREATE_TABLE,
          CREATE_TABLE_LIKE,
          CREATE_TABLE_CLONE,
          ALTER_TABLE,
          RENAME_TABLE,
          SWAP_TABLES,
          DROP_TABLE,
          DROP_VIEW,
          TRUNCATE ->
          true;
      default -> false;
    };
  }
}
