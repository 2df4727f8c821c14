package io.tributary.sql.parse;

import io.tributary.sql.dialect.Dialect;
import java.util.Map;

/**
 * Query histories that cut long statements at a fixed length: a text of exactly that length which
 * does not parse was cut, and is reported as truncated rather than as a syntax error.
 */
public final class HistoryTextLimits {

  /** Redshift's {@code STL_QUERY.querytxt} and {@code SYS_QUERY_HISTORY.query_text}: 4,000. */
  private static final Map<String, Integer> LIMITS = Map.of("redshift", 4000);

  private HistoryTextLimits() {}

  /**
   * Whether {@code text} (a whole history entry) stops at its dialect's history limit. Blank
   * padding to the limit ({@code CHAR(4000)} columns) means the text ended before it.
   */
  public static boolean atLimit(Dialect dialect, String text) {
    Integer limit = LIMITS.get(dialect.name());
    return limit != null
        && text.length() == limit
        && !Character.isWhitespace(text.charAt(text.length() - 1));
  }

  /** The limit's length, for messages. */
  public static int limit(Dialect dialect) {
    return LIMITS.getOrDefault(dialect.name(), 0);
  }
}
