package io.tributary.connectors.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How often a query shape ran on one day, as read from one origin (a log file, a history table).
 * The count is the whole count of that day and origin as far as it was read, so writing it again is
 * harmless: {@link StoreDialect#upsertQueryExecutionsSql()} keeps the larger of the stored and the
 * written count.
 *
 * @param fingerprint the query's fingerprint
 * @param origin where the executions were read from
 * @param dayStart the start of the day (UTC)
 * @param executions how many executions started that day
 * @param firstSeen the earliest of them
 * @param lastSeen the latest of them
 */
public record QueryExecutions(
    String fingerprint,
    String origin,
    Instant dayStart,
    long executions,
    Instant firstSeen,
    Instant lastSeen) {

  /** Origins longer than this are cut. */
  public static final int MAX_ORIGIN_CHARS = 1024;

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  public QueryExecutions {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(dayStart, "dayStart");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  /** The start of the day (UTC) {@code millis} falls in, in epoch milliseconds (UTC). */
  public static long dayOf(long millis) {
    return Math.floorDiv(millis, DAY_MILLIS) * DAY_MILLIS;
  }

  /** Sets the 6 parameters of {@link StoreDialect#upsertQueryExecutionsSql()}. */
  public static void bind(PreparedStatement ps, QueryExecutions q) throws SQLException {
    ps.setString(1, q.fingerprint());
    ps.setString(2, QuerySeen.cut(q.origin(), MAX_ORIGIN_CHARS));
    ps.setObject(3, Timestamps.toDb(q.dayStart()));
    ps.setLong(4, q.executions());
    ps.setObject(5, Timestamps.toDb(q.firstSeen()));
    ps.setObject(6, Timestamps.toDb(q.lastSeen()));
  }
}
