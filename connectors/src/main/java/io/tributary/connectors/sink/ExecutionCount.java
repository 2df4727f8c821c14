package io.tributary.connectors.sink;

/**
 * How often a query shape ran on one day, as read from one origin: the whole count so far, not what
 * changed since the last report, so writing it twice (a replay after a restore, a second backfill
 * of the same range) stores the same number.
 *
 * @param fingerprint the query's fingerprint
 * @param origin the log file or history table the executions were read from
 * @param dayStartMillis the start of the day (UTC), epoch milliseconds
 * @param executions executions that started that day
 * @param firstSeenMillis the earliest of them
 * @param lastSeenMillis the latest of them
 */
public record ExecutionCount(
    String fingerprint,
    String origin,
    long dayStartMillis,
    long executions,
    long firstSeenMillis,
    long lastSeenMillis) {

  /** The key a count is kept under in Flink state: fingerprint, origin and day. */
  public String key() {
    return fingerprint + '\u0000' + origin + '\u0000' + dayStartMillis;
  }

  /** This count with {@code more} executions between {@code firstMillis} and {@code lastMillis}. */
  public ExecutionCount plus(long more, long firstMillis, long lastMillis) {
    return new ExecutionCount(
        fingerprint,
        origin,
        dayStartMillis,
        executions + more,
        Math.min(firstSeenMillis, firstMillis),
        Math.max(lastSeenMillis, lastMillis));
  }
}
