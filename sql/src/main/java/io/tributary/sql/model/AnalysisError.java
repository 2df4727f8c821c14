package io.tributary.sql.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A structured reason why a statement has no lineage: a kind, a message, and the 1-based line and
 * column in the analyzed text when the parser knows them.
 */
public record AnalysisError(ErrorKind kind, String message, OptionalInt line, OptionalInt column) {
  public AnalysisError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(column, "column");
  }

  public static AnalysisError of(ErrorKind kind, String message) {
    return new AnalysisError(kind, message, OptionalInt.empty(), OptionalInt.empty());
  }

  public static AnalysisError at(ErrorKind kind, String message, int line, int column) {
    return new AnalysisError(kind, message, OptionalInt.of(line), OptionalInt.of(column));
  }
}
