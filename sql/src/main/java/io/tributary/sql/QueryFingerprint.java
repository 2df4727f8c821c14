package io.tributary.sql;

import io.tributary.sql.dialect.Dialect;

/**
 * A stable hash of a statement's shape: literals, comments, whitespace, identifier quoting and case
 * and IN-list lengths are normalized away, so the same ETL statement rerun with another date has
 * the same fingerprint.
 */
public final class QueryFingerprint {

  private QueryFingerprint() {}

  /** 32 lowercase hex characters. */
  public static String of(String sql, Dialect dialect) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
