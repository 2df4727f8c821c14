package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.store.QueryExecutions;

/**
 * A statement with the key it is deduplicated by, standing for one or more executions of it that
 * one task saw close together, all from the same origin and on the same day.
 *
 * @param key fingerprint, dialect and session defaults together: the same text under another
 *     default schema reads other tables, so it is another analysis
 * @param fingerprint the analyzer's fingerprint of the text
 * @param dialect the dialect name the statement is analyzed in
 * @param record the first of the executions, as the source delivered it
 * @param executions how many executions this stands for
 * @param firstSeenMillis the earliest start time among them
 * @param lastSeenMillis the latest start time among them
 */
public record FingerprintedQuery(
    String key,
    String fingerprint,
    String dialect,
    QueryRecord record,
    long executions,
    long firstSeenMillis,
    long lastSeenMillis) {

  /** The key its executions are counted under: fingerprint, origin and day. */
  String executionsKey() {
    return fingerprint
        + '\u0000'
        + record.originOrEmpty()
        + '\u0000'
        + QueryExecutions.dayOf(firstSeenMillis);
  }

  /** What it adds to its day's count. */
  ExecutionCount executionCount() {
    return new ExecutionCount(
        fingerprint,
        record.originOrEmpty(),
        QueryExecutions.dayOf(firstSeenMillis),
        executions,
        firstSeenMillis,
        lastSeenMillis);
  }

  /** One more execution of the same key. */
  FingerprintedQuery plus(long startMillis) {
    return new FingerprintedQuery(
        key,
        fingerprint,
        dialect,
        record,
        executions + 1,
        Math.min(firstSeenMillis, startMillis),
        Math.max(lastSeenMillis, startMillis));
  }
}
