package io.tributary.sql.json;

/** JSON input that has the wrong shape; the message says which field. */
public final class InvalidJsonInputException extends IllegalArgumentException {
  public InvalidJsonInputException(String message) {
    super(message);
  }
}
