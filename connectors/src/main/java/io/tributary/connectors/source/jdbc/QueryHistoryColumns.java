package io.tributary.connectors.source.jdbc;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a query-history table keeps each field: a SQL expression per field (a column name or any
 * expression the warehouse accepts), the table, and how to turn the epoch-millisecond bounds the
 * source binds into the time column's type.
 *
 * @param table the FROM clause: a table, a view, or a qualified name such as {@code
 *     SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY}
 * @param queryId the execution id
 * @param sqlText the statement text
 * @param startTime the start time column (a timestamp)
 * @param userName who ran it, or {@code NULL}
 * @param databaseName the session's default database, or {@code NULL}
 * @param schemaName the session's default schema, or {@code NULL}
 * @param sessionId the session, or {@code NULL}
 * @param status an expression whose text says success or failure ({@link
 *     io.tributary.connectors.source.ExecutionStatus#parse}), or {@code NULL} when all rows
 *     succeeded
 * @param millisParameter the expression a bound is compared as, with {@code ?} for the epoch
 *     milliseconds, e.g. {@code to_timestamp(?::bigint / 1000.0)}
 * @param filter an extra condition ANDed to the time range (e.g. only query jobs), or empty
 */
public record QueryHistoryColumns(
    String table,
    String queryId,
    String sqlText,
    String startTime,
    String userName,
    String databaseName,
    String schemaName,
    String sessionId,
    String status,
    String millisParameter,
    String filter)
    implements Serializable {

  public QueryHistoryColumns {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(sqlText, "sqlText");
    Objects.requireNonNull(startTime, "startTime");
    userName = orNull(userName);
    databaseName = orNull(databaseName);
    schemaName = orNull(schemaName);
    sessionId = orNull(sessionId);
    status = orNull(status);
    Objects.requireNonNull(millisParameter, "millisParameter");
    if (!millisParameter.contains("?")) {
      throw new IllegalArgumentException("millisParameter needs a ? placeholder");
    }
    filter = filter == null ? "" : filter.trim();
  }

  /** The query for one time slice: two parameters, the slice's start and end in epoch millis. */
  public String selectBetween() {
    String where =
        startTime + " >= " + millisParameter + " AND " + startTime + " < " + millisParameter;
    return "SELECT "
        + queryId
        + ", "
        + sqlText
        + ", "
        + startTime
        + ", "
        + userName
        + ", "
        + databaseName
        + ", "
        + schemaName
        + ", "
        + sessionId
        + ", "
        + status
        + " FROM "
        + table
        + " WHERE "
        + where
        + (filter.isEmpty() ? "" : " AND (" + filter + ")");
  }

  public QueryHistoryColumns withTable(String newTable) {
    return new QueryHistoryColumns(
        newTable,
        queryId,
        sqlText,
        startTime,
        userName,
        databaseName,
        schemaName,
        sessionId,
        status,
        millisParameter,
        filter);
  }

  private static String orNull(String expression) {
    return expression == null || expression.isBlank() ? "NULL" : expression;
  }
}
