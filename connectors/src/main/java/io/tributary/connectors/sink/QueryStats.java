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

  public QueryStats plus(long startMillis) {
    return new QueryStats(
        fingerprint,
        dialect,
        sampleSql,
        executions + 1,
        Math.min(firstSeenMillis, startMillis),
        Math.max(lastSeenMillis, startMillis));
  }
}
