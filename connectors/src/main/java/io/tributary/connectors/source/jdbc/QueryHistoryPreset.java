package io.tributary.connectors.source.jdbc;

import java.util.Locale;

/** Column mappings of the query histories warehouses keep, with the dialect of their SQL. */
public enum QueryHistoryPreset {
  /** {@code SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY} (lags up to 45 minutes behind). */
  SNOWFLAKE(
      "snowflake",
      new QueryHistoryColumns(
          "SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY",
          "QUERY_ID",
          "QUERY_TEXT",
          "START_TIME",
          "USER_NAME",
          "DATABASE_NAME",
          "SCHEMA_NAME",
          "TO_VARCHAR(SESSION_ID)",
          "EXECUTION_STATUS",
          "TO_TIMESTAMP_LTZ(?, 3)",
          "")),
  /**
   * BigQuery {@code `region-us`.INFORMATION_SCHEMA.JOBS} (set the region with {@code --table});
   * only finished query jobs; a job with an {@code error_result} failed.
   */
  BIGQUERY(
      "bigquery",
      new QueryHistoryColumns(
          "`region-us`.INFORMATION_SCHEMA.JOBS",
          "job_id",
          "query",
          "creation_time",
          "user_email",
          "project_id",
          "NULL",
          "session_info.session_id",
          "IF(error_result IS NULL, 'SUCCESS', 'FAILED')",
          "TIMESTAMP_MILLIS(?)",
          "job_type = 'QUERY' AND state = 'DONE' AND statement_type <> 'SCRIPT'")),
  /**
   * Redshift {@code SYS_QUERY_HISTORY}; finished statements only. Its {@code query_text} holds the
   * first 4,000 characters; map {@code --table} to a view joining {@code SYS_QUERY_TEXT} for longer
   * statements.
   */
  REDSHIFT(
      "redshift",
      new QueryHistoryColumns(
          "SYS_QUERY_HISTORY",
          "CAST(query_id AS VARCHAR)",
          "query_text",
          "start_time",
          "CAST(user_id AS VARCHAR)",
          "database_name",
          "NULL",
          "CAST(session_id AS VARCHAR)",
          "status",
          "(TIMESTAMP 'epoch' + (? / 1000.0) * INTERVAL '1 second')",
          "status IN ('success', 'failed', 'canceled')")),
  /** Databricks {@code system.query.history}; running statements are left for a later poll. */
  DATABRICKS(
      "databricks",
      new QueryHistoryColumns(
          "system.query.history",
          "statement_id",
          "statement_text",
          "start_time",
          "executed_by",
          "NULL",
          "NULL",
          "session_id",
          "execution_status",
          "timestamp_millis(?)",
          "execution_status IN ('FINISHED', 'FAILED', 'CANCELED')")),
  /**
   * A plain PostgreSQL table {@code query_history(query_id, query_text, start_time timestamptz,
   * user_name, database_name, schema_name, session_id, execution_status)}.
   */
  POSTGRESQL(
      "postgresql",
      new QueryHistoryColumns(
          "query_history",
          "query_id",
          "query_text",
          "start_time",
          "user_name",
          "database_name",
          "schema_name",
          "session_id",
          "execution_status",
          "to_timestamp(CAST(? AS bigint) / 1000.0)",
          ""));

  private final String dialect;
  private final QueryHistoryColumns columns;

  QueryHistoryPreset(String dialect, QueryHistoryColumns columns) {
    this.dialect = dialect;
    this.columns = columns;
  }

  /** The SQL dialect of the statements in this history. */
  public String dialect() {
    return dialect;
  }

  public QueryHistoryColumns columns() {
    return columns;
  }

  public static QueryHistoryPreset byName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown query-history preset '"
              + name
              + "' (snowflake, bigquery, redshift, databricks, postgresql)");
    }
  }
}
