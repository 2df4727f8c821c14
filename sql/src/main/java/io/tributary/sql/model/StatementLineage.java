package io.tributary.sql.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lineage of one statement of a script.
 *
 * @param index 0-based position of the statement in the script
 * @param sql the statement's own text (for a script, the slice of this statement)
 * @param kind what the statement does; {@link StatementKind#FAILED} when {@code error} is present
 * @param sources tables read, in order of first appearance, without duplicates
 * @param target the table written (INSERT, CTAS, view, MERGE, UPDATE, SELECT INTO); empty for a
 *     plain SELECT, a DELETE or a utility statement
 * @param columns column lineage: each target column and the source columns that flow into it
 * @param indirect columns that only filter, join or group rows (WHERE, ON, GROUP BY, HAVING...)
 * @param warnings things a user should know: unknown tables behind {@code *}, ambiguous columns...
 * @param error why the statement could not be analyzed, if it could not
 * @param changes what the statement does to tables' existence, names and columns (DDL, and the
 *     creation of a table by a query); empty for statements that only read and write rows
 */
public record StatementLineage(
    int index,
    String sql,
    StatementKind kind,
    List<TableName> sources,
    Optional<TableName> target,
    List<ColumnLineage> columns,
    List<ColumnName> indirect,
    List<Warning> warnings,
    Optional<AnalysisError> error,
    List<TableChange> changes) {

  public StatementLineage {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(kind, "kind");
    sources = List.copyOf(sources);
    Objects.requireNonNull(target, "target");
    columns = List.copyOf(columns);
    indirect = List.copyOf(indirect);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(error, "error");
    changes = List.copyOf(changes);
  }

  /** A statement without table changes. */
  public StatementLineage(
      int index,
      String sql,
      StatementKind kind,
      List<TableName> sources,
      Optional<TableName> target,
      List<ColumnLineage> columns,
      List<ColumnName> indirect,
      List<Warning> warnings,
      Optional<AnalysisError> error) {
    this(index, sql, kind, sources, target, columns, indirect, warnings, error, List.of());
  }

  public static StatementLineage failed(int index, String sql, AnalysisError error) {
    return new StatementLineage(
        index,
        sql,
        StatementKind.FAILED,
        List.of(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        Optional.of(error));
  }

  public static StatementLineage utility(int index, String sql) {
    return new StatementLineage(
        index,
        sql,
        StatementKind.UTILITY,
        List.of(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  /** The same statement with these table changes. */
  public StatementLineage withChanges(List<TableChange> newChanges) {
    return new StatementLineage(
        index, sql, kind, sources, target, columns, indirect, warnings, error, newChanges);
  }

  public boolean failed() {
    return error.isPresent();
  }
}
