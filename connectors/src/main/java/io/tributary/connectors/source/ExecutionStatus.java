package io.tributary.connectors.source;

import java.util.Locale;
import java.util.Set;

/** Whether a statement succeeded in the warehouse. Only successful statements are analyzed. */
public enum ExecutionStatus {
  SUCCESS,
  FAILED,
  /** The history has no status; the statement is treated as successful. */
  UNKNOWN;

  private static final Set<String> SUCCESS_WORDS =
      Set.of("success", "succeeded", "successful", "done", "finished", "ok", "completed", "true");
  private static final Set<String> FAILED_WORDS =
      Set.of(
          "fail",
          "failed",
          "failed_with_error",
          "failed_with_incident",
          "error",
          "errored",
          "canceled",
          "cancelled",
          "aborted",
          "false");

  /**
   * Reads the status words warehouses use: Snowflake {@code SUCCESS}/{@code FAILED_WITH_ERROR},
   * BigQuery {@code DONE} (with an error column), Redshift {@code success}/{@code failed},
   * Databricks {@code FINISHED}/{@code FAILED}/{@code CANCELED}. Anything else is {@link #UNKNOWN}.
   */
  public static ExecutionStatus parse(String value) {
    if (value == null || value.isBlank()) {
      return UNKNOWN;
    }
    String word = value.trim().toLowerCase(Locale.ROOT);
    if (SUCCESS_WORDS.contains(word)) {
      return SUCCESS;
    }
    if (FAILED_WORDS.contains(word)) {
      return FAILED;
    }
    return UNKNOWN;
  }
}
