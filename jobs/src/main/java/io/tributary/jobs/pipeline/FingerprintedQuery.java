package io.tributary.jobs.pipeline;

import io.tributary.connectors.source.QueryRecord;

/**
 * A statement with the key it is deduplicated by, standing for one or more executions of it that
 * one task saw close together.
 *
 * @param key fingerprint, dialect and session defaults together: the same text under another
 *     default schema reads other tables, so it is another analysis
 * @param record the first of the executions, as the source delivered it
 * @param executions how many executions this stands for
 * @param firstSeenMillis the earliest start time among them
 * @param lastSeenMillis the latest start time among them
 */
public record FingerprintedQuery(
    StatementKey key,
    QueryRecord record,
    long executions,
    long firstSeenMillis,
    long lastSeenMillis) {

  /** The analyzer's fingerprint of the text. */
  public String fingerprint() {
    return key.fingerprint();
  }

  /** The dialect name the statement is analyzed in. */
  public String dialect() {
    return key.dialect();
  }

  /**
   * The same statement, standing for executions between {@code firstMillis} and {@code lastMillis}.
   */
  FingerprintedQuery seenBetween(long firstMillis, long lastMillis) {
    return new FingerprintedQuery(key, record, executions, firstMillis, lastMillis);
  }

  /** One more execution of the same key. */
  FingerprintedQuery plus(long startMillis) {
    return new FingerprintedQuery(
        key,
        record,
        executions + 1,
        Math.min(firstSeenMillis, startMillis),
        Math.max(lastSeenMillis, startMillis));
  }
}
