package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.DeadLetter;
import io.tributary.connectors.source.QueryRecord;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.UnknownDialectException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * First step: counts what comes in, drops statements that failed in the warehouse or lie outside
 * the time range, and keys the rest by fingerprint. A statement in an unknown dialect goes to the
 * dead letters.
 */
final class FingerprintStatements extends ProcessFunction<QueryRecord, FingerprintedQuery> {

  private static final long serialVersionUID = 1L;

  private final String defaultDialect;
  private final long fromMillis;
  private final long toMillis;
  private final OutputTag<DeadLetter> deadLetters;

  private transient Map<String, Dialect> dialects;
  private transient Counter in;
  private transient Counter failedUpstream;
  private transient Counter outOfRange;
  private transient LongCounter inTotal;
  private transient LongCounter failedUpstreamTotal;

  FingerprintStatements(
      String defaultDialect, long fromMillis, long toMillis, OutputTag<DeadLetter> deadLetters) {
    this.defaultDialect = defaultDialect;
    this.fromMillis = fromMillis;
    this.toMillis = toMillis;
    this.deadLetters = deadLetters;
  }

  @Override
  public void open(OpenContext context) {
    dialects = new HashMap<>();
    var metrics = getRuntimeContext().getMetricGroup();
    in = metrics.counter(PipelineMetrics.STATEMENTS_IN);
    failedUpstream = metrics.counter(PipelineMetrics.STATEMENTS_FAILED_UPSTREAM);
    outOfRange = metrics.counter(PipelineMetrics.STATEMENTS_OUT_OF_RANGE);
    inTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.STATEMENTS_IN);
    failedUpstreamTotal =
        Accumulators.counter(getRuntimeContext(), PipelineMetrics.STATEMENTS_FAILED_UPSTREAM);
  }

  @Override
  public void processElement(QueryRecord record, Context ctx, Collector<FingerprintedQuery> out) {
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
      ctx.output(
          deadLetters,
          new DeadLetter(
              record.queryId(),
              null,
              dialectName,
              record.sql(),
              "UNKNOWN_DIALECT",
              e.getMessage(),
              System.currentTimeMillis()));
      return;
    }
    String fingerprint = Fingerprinting.fingerprint(record.sql(), dialect);
    out.collect(
        new FingerprintedQuery(
            Fingerprinting.key(
                fingerprint, dialect.name(), record.databaseName(), record.schemaName()),
            fingerprint,
            dialect.name(),
            record));
  }
}
