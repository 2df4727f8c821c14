package io.tributary.sql;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.fingerprint.Fingerprints;

/**
 * A stable hash of a statement's shape: literals, comments, whitespace, identifier quoting and case
 * and IN-list lengths are normalized away, so the same ETL statement rerun with another date has
 * the same fingerprint. Computed in one lexer pass, without parsing.
 */
public final class QueryFingerprint {

  private QueryFingerprint() {}

  /** 32 lowercase hex characters. */
  public static String of(String sql, Dialect dialect) {
    return Fingerprints.of(sql, dialect);
  }
}
