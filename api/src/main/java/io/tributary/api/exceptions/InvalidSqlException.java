package io.tributary.api.exceptions;

import java.util.OptionalInt;

/** 400: SQL the analyzer could not parse or analyze, with the parser's position when known. */
public final class InvalidSqlException extends ApiException {

  private final String kind;
  private final OptionalInt line;
  private final OptionalInt column;

  public InvalidSqlException(String kind, String message, OptionalInt line, OptionalInt column) {
    super(400, message);
    this.kind = kind;
    this.line = line;
    this.column = column;
  }

  public String kind() {
    return kind;
  }

  public OptionalInt line() {
    return line;
  }

  public OptionalInt column() {
    return column;
  }
}
