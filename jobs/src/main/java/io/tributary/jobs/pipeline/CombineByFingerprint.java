package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.DeadLetterReason;
import io.tributary.connectors.store.QueryExecutions;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.UnknownDialectException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * First step: counts what comes in, drops statements that failed in the warehouse or lie outside
 * the time range, fingerprints the rest, and combines executions of the same key before the
 * shuffle: a query log repeats the same statements over and over, so only one record per key and
 * task travels on, with its execution count and first/last start time. Executions are also counted
 * per fingerprint, origin and day into small {@link ExecutionCount}s, sent to a side output for the
 * store's execution counts.
 *
 * <p>The combined records are sent on when the buffer holds {@code maxKeys} keys, at the end of a
 * bounded input, before each checkpoint barrier (so nothing buffered needs state), and, when a
 * flush interval is set (streaming), at that interval. A statement in an unknown dialect goes to
 * the dead letters.
 */
final class CombineByFingerprint extends AbstractStreamOperator<FingerprintedQuery>
    implements OneInputStreamOperator<QueryRecord, FingerprintedQuery>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  private final String defaultDialect;
  private final long fromMillis;
  private final long toMillis;
  private final OutputTag<DeadLetter> deadLetters;
  private final OutputTag<ExecutionCount> executionCounts;
  private final Duration flushInterval;
  private final int maxKeys;

  private transient Map<String, Dialect> dialects;
  private transient Map<StatementKey, FingerprintedQuery> buffer;
  private transient Map<ExecutionCount.Key, ExecutionCount> counts;
  private transient Counter in;
  private transient Counter failedUpstream;
  private transient Counter outOfRange;
  private transient LongCounter inTotal;
  private transient LongCounter failedUpstreamTotal;
  private transient Counter unknownDialect;
  private transient LongCounter unknownDialectTotal;

  /**
   * @param flushInterval how long a record may wait in the buffer; null to wait for the buffer to
   *     fill or the input to end (batch)
   */
  CombineByFingerprint(
      String defaultDialect,
      long fromMillis,
      long toMillis,
      OutputTag<DeadLetter> deadLetters,
      OutputTag<ExecutionCount> executionCounts,
      Duration flushInterval,
      int maxKeys) {
    this.defaultDialect = defaultDialect;
    this.fromMillis = fromMillis;
    this.toMillis = toMillis;
    this.deadLetters = deadLetters;
    this.executionCounts = executionCounts;
    this.flushInterval = flushInterval;
    this.maxKeys = maxKeys;
  }

  @Override
  public void open() throws Exception {
    super.open();
    dialects = new HashMap<>();
    buffer = new LinkedHashMap<>();
    counts = new HashMap<>();
    var metrics = getMetricGroup();
    in = metrics.counter(PipelineMetrics.STATEMENTS_IN);
    failedUpstream = metrics.counter(PipelineMetrics.STATEMENTS_FAILED_UPSTREAM);
    outOfRange = metrics.counter(PipelineMetrics.STATEMENTS_OUT_OF_RANGE);
    inTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.STATEMENTS_IN);
    failedUpstreamTotal =
        Accumulators.counter(getRuntimeContext(), PipelineMetrics.STATEMENTS_FAILED_UPSTREAM);
    unknownDialect = metrics.counter(PipelineMetrics.STATEMENTS_UNKNOWN_DIALECT);
    unknownDialectTotal =
        Accumulators.counter(getRuntimeContext(), PipelineMetrics.STATEMENTS_UNKNOWN_DIALECT);
    if (flushInterval != null) {
      scheduleFlush();
    }
  }

  @Override
  public void processElement(StreamRecord<QueryRecord> element) {
    QueryRecord record = element.getValue();
    in.inc();
    inTotal.add(1);
    if (!record.succeeded()) {
      failedUpstream.inc();
      failedUpstreamTotal.add(1);
      return;
    }
    long start = record.startTimeMillis();
    if (start < fromMillis || start >= toMillis) {
      outOfRange.inc();
      return;
    }
    String dialectName = record.dialectName().orElse(defaultDialect);
    Dialect dialect;
    try {
      dialect = dialects.computeIfAbsent(dialectName, Dialects::byName);
    } catch (UnknownDialectException e) {
      unknownDialect.inc();
      unknownDialectTotal.add(1);
      output.collect(
          deadLetters,
          new StreamRecord<>(
              DeadLetter.of(
                  record.queryId(),
                  null,
                  dialectName,
                  record.sql(),
                  DeadLetterReason.UNKNOWN_DIALECT,
                  e.getMessage(),
                  Instant.now())));
      return;
    }
    String fingerprint = Fingerprinting.fingerprint(record.sql(), dialect);
    StatementKey key =
        new StatementKey(fingerprint, dialect.name(), record.databaseName(), record.schemaName());
    countExecution(fingerprint, record.originOrEmpty(), start);
    FingerprintedQuery seen = buffer.get(key);
    if (seen != null) {
      buffer.put(key, seen.plus(start));
    } else {
      buffer.put(key, new FingerprintedQuery(key, record, 1, start, start));
    }
    if (buffer.size() >= maxKeys || counts.size() >= maxKeys) {
      flush();
    }
  }

  @Override
  public void endInput() {
    flush();
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    flush();
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  private void countExecution(String fingerprint, String origin, long start) {
    long day = QueryExecutions.dayOf(start);
    ExecutionCount.Key key = new ExecutionCount.Key(fingerprint, origin, day);
    ExecutionCount count = counts.get(key);
    counts.put(
        key,
        count == null
            ? new ExecutionCount(fingerprint, origin, day, 1, start, start)
            : count.plus(1, start, start));
  }

  private void flush() {
    if (buffer == null) {
      return;
    }
    for (FingerprintedQuery query : buffer.values()) {
      output.collect(new StreamRecord<>(query));
    }
    buffer.clear();
    for (ExecutionCount count : counts.values()) {
      output.collect(executionCounts, new StreamRecord<>(count));
    }
    counts.clear();
  }

  private void scheduleFlush() {
    var time = getProcessingTimeService();
    time.registerTimer(
        time.getCurrentProcessingTime() + flushInterval.toMillis(),
        timestamp -> {
          flush();
          scheduleFlush();
        });
  }
}
