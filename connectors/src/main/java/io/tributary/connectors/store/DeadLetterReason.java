package io.tributary.connectors.store;

import io.tributary.sql.model.ErrorKind;

/**
 * Why a statement or a record became a dead letter: each of the analyzer's {@link ErrorKind}s,
 * under the same name, plus the failures the pipeline finds before the analyzer sees anything. The
 * store keeps the name ({@code reason} column), so stored values stay readable.
 */
public enum DeadLetterReason {
  /** {@link ErrorKind#PARSE_ERROR}. */
  PARSE_ERROR,
  /** {@link ErrorKind#TRUNCATED}. */
  TRUNCATED,
  /** {@link ErrorKind#TOO_LARGE}. */
  TOO_LARGE,
  /** {@link ErrorKind#TIMEOUT}. */
  TIMEOUT,
  /** {@link ErrorKind#TOO_DEEP}. */
  TOO_DEEP,
  /** {@link ErrorKind#UNSUPPORTED}. */
  UNSUPPORTED,
  /** {@link ErrorKind#INTERNAL}, or the analyzer threw although it promises not to. */
  INTERNAL,
  /** The history row names a dialect the analyzer does not know; the statement is not analyzed. */
  UNKNOWN_DIALECT,
  /** A source record that is not a query record (invalid JSON, no SQL, no value). */
  UNREADABLE_RECORD;

  /** The reason of a statement the analyzer returned this error kind for. */
  public static DeadLetterReason of(ErrorKind kind) {
    return valueOf(kind.name());
  }
}
