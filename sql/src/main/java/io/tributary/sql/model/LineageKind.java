package io.tributary.sql.model;

/** How a target column's value comes from a source column. */
public enum LineageKind {
  /** The value is copied as it is: selected, renamed or cast. */
  DIRECT,
  /** The value is computed from the source: functions, arithmetic, CASE, aggregates, windows. */
  DERIVED;

  /** The name used in JSON: {@code direct} or {@code derived}. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
