package io.tributary.connectors.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * A query shape seen in the history: its fingerprint, one sample of its text, and when it first and
 * last ran. Written with {@link StoreDialect#upsertQuerySeenSql()}, which widens first/last seen;
 * how often it ran is kept in {@link QueryExecutions}.
 */
public record QuerySeen(
    String fingerprint, String sampleSql, String dialect, Instant firstSeen, Instant lastSeen) {

  /** Sample texts longer than this are cut. */
  public static final int MAX_SAMPLE_CHARS = 1_000_000;

  public QuerySeen {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(sampleSql, "sampleSql");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  /** Sets the 5 parameters of {@link StoreDialect#upsertQuerySeenSql()}. */
  public static void bind(PreparedStatement ps, QuerySeen q) throws SQLException {
    ps.setString(1, q.fingerprint());
    ps.setString(2, cut(q.sampleSql(), MAX_SAMPLE_CHARS));
    ps.setString(3, q.dialect());
    ps.setObject(4, Timestamps.toDb(q.firstSeen()));
    ps.setObject(5, Timestamps.toDb(q.lastSeen()));
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
