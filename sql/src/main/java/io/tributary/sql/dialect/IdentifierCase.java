package io.tributary.sql.dialect;

/** What an engine does with an identifier written without quotes. */
public enum IdentifierCase {
  /** Folded to upper case (Snowflake, Oracle, Db2, Exasol). */
  UPPER,
  /** Folded to lower case (PostgreSQL, Redshift, Greenplum, Materialize, Vertica, Trino). */
  LOWER,
  /** Kept as written and compared case-insensitively (T-SQL, MySQL, BigQuery columns...). */
  PRESERVE
}
