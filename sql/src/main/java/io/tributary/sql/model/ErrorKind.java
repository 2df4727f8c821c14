package io.tributary.sql.model;

/** Why a statement could not be analyzed. */
public enum ErrorKind {
  /** The SQL is not valid for the parser. */
  PARSE_ERROR,
  /**
   * The text stops inside something it opened (a string, quoted name, comment, dollar-quoted body,
   * parenthesis or BEGIN block), or at a query history's column limit where it does not parse: it
   * was cut, usually by the history that recorded it. Found before parsing, in microseconds.
   */
  TRUNCATED,
  /** The statement is longer than the configured maximum. */
  TOO_LARGE,
  /** Parsing or analysis took longer than the configured timeout. */
  TIMEOUT,
  /** The statement is nested too deeply to analyze (the parser or resolver ran out of stack). */
  TOO_DEEP,
  /** The statement parses but uses a construct the analyzer does not handle. */
  UNSUPPORTED,
  /** A bug in the analyzer; the message carries the exception. */
  INTERNAL
}
