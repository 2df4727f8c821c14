package io.tributary.connectors.sink;

/**
 * A query shape seen since the last report, for the store's queries table; the store keeps the
 * first sample and widens first/last seen. How often it ran travels as {@link ExecutionCount}.
 */
public record QueryStats(
    String fingerprint,
    String dialect,
    String sampleSql,
    long firstSeenMillis,
    long lastSeenMillis) {

  /** These times and another report's, together. */
  public QueryStats widen(long firstMillis, long lastMillis) {
    return new QueryStats(
        fingerprint,
        dialect,
        sampleSql,
        Math.min(firstSeenMillis, firstMillis),
        Math.max(lastSeenMillis, lastMillis));
  }
}
