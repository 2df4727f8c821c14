package io.tributary.connectors.source;

import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link QueryRecord} from a log row's named fields, the names JSON Lines and CSV query
 * logs use: {@code query_id}, {@code sql} or {@code query_text}, {@code start_time}, {@code
 * user_name}, {@code database_name}, {@code schema_name}, {@code session_id}, {@code dialect},
 * {@code execution_status}. Names are matched case-insensitively by the caller (keys given lower
 * case).
 */
public final class QueryRecordFields {

  private QueryRecordFields() {}

  /**
   * The record of one row, or empty when the row has no SQL text.
   *
   * @param fields lower-case field name → value (null or absent when not given)
   * @param fallbackId the id to use when the row has no {@code query_id} (file and line)
   * @throws IllegalArgumentException when the start time is present but unreadable
   */
  public static Optional<QueryRecord> toRecord(Map<String, String> fields, String fallbackId) {
    String sql = first(fields, "sql", "query_text", "query", "statement_text", "statement");
    if (sql == null || sql.isBlank()) {
      return Optional.empty();
    }
    String id = first(fields, "query_id", "id", "job_id", "statement_id");
    String time = first(fields, "start_time", "starttime", "start_time_ms", "timestamp", "ts");
    return Optional.of(
        new QueryRecord(
            id == null ? fallbackId : id,
            sql,
            time == null ? 0L : StartTimes.parseMillis(time),
            first(fields, "user_name", "user", "executed_by", "user_email"),
            first(fields, "database_name", "database", "project_id", "catalog_name"),
            first(fields, "schema_name", "schema", "dataset_id"),
            first(fields, "session_id", "session"),
            first(fields, "dialect"),
            ExecutionStatus.parse(first(fields, "execution_status", "status", "state")),
            null));
  }

  private static String first(Map<String, String> fields, String... names) {
    for (String name : names) {
      String value = fields.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
