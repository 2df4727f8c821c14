package io.tributary.connectors.sink;

/**
 * How often a fingerprint ran since the last report, for the store's queries table; the store adds
 * {@code executions} to what it has and widens first/last seen.
 */
public record QueryStats(
    String fingerprint,
    String dialect,
    String sampleSql,
    long executions,
    long firstSeenMillis,
    long lastSeenMillis) {

  /** These counts and another report's, together. */
  public QueryStats plus(long moreExecutions, long firstMillis, long lastMillis) {
    return new QueryStats(
        fingerprint,
        dialect,
        sampleSql,
        executions + moreExecutions,
        Math.min(firstSeenMillis, firstMillis),
        Math.max(lastSeenMillis, lastMillis));
  }
}
