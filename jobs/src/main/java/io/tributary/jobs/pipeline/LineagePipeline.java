package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ContentReplacement;
import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.sink.QueryStats;
import io.tributary.connectors.sink.ResolvedEdge;
import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.EdgeRow;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The one pipeline both jobs run, from query records to the lineage store:
 *
 * <pre>
 * records ─► Fingerprint statements (combined per task)
 *   ├─► execution counts ─keyBy(fingerprint, origin, day)─► Count executions per day ─► Write query executions
 *   └─keyBy(fingerprint, dialect, defaults)─► First seen per fingerprint ─► (first/last seen) ─► Write queries seen
 *                                               ▼
 * Analyze statements (names resolved to resource ids) ─► failures ─► Write dead letters
 *   ├─► table changes (DDL) ─► Write schema history
 *   ├─► whole contents replaced ─► Write content replacements
 *   ▼
 *   └─keyBy(edge)─► Dedupe edges ─► Both directions ─► Write edges
 * </pre>
 *
 * Batch or streaming is the environment's business: the same graph runs in both modes.
 */
public final class LineagePipeline {

  static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  /**
   * Records a source read but could not turn into a statement (a Kafka record that is not JSON): a
   * source whose records can be unreadable emits their dead letters on this side output of the
   * stream it hands the pipeline.
   */
  public static final OutputTag<DeadLetter> UNREADABLE_RECORDS =
      new OutputTag<>("unreadable-records", TypeInformation.of(DeadLetter.class));

  static final OutputTag<ExecutionCount> EXECUTION_COUNTS =
      new OutputTag<>("execution-counts", TypeInformation.of(ExecutionCount.class));
  static final OutputTag<QueryStats> QUERY_STATS =
      new OutputTag<>("query-stats", TypeInformation.of(QueryStats.class));

  /** Keys one task buffers before sending them on. */
  static final int COMBINE_MAX_KEYS = 10_000;

  private LineagePipeline() {}

  /**
   * A day's count must outlive the day and the rows a history writes late into it, or a late row
   * would start the count again from 1: at least two days, whatever shorter TTL fingerprints have.
   */
  static Duration countTtl(Duration stateTtl) {
    if (stateTtl == null) {
      return null;
    }
    return stateTtl.compareTo(MIN_COUNT_TTL) < 0 ? MIN_COUNT_TTL : stateTtl;
  }

  static final Duration MIN_COUNT_TTL = Duration.ofDays(2);

  static final OutputTag<StatementChanges> TABLE_CHANGES =
      new OutputTag<>("table-changes", TypeInformation.of(StatementChanges.class));
  static final OutputTag<ContentReplacement> REPLACEMENTS =
      new OutputTag<>("content-replacements", TypeInformation.of(ContentReplacement.class));

  static final OutputTag<StatementRun> RUNS =
      new OutputTag<>("openlineage-runs", TypeInformation.of(StatementRun.class));

  /** Adds the pipeline after {@code records}, ending in the store's sinks. */
  public static void build(
      DataStream<QueryRecord> records, PipelineOptions options, PipelineStore store) {
    build(records, options, store, null);
  }

  /**
   * Adds the pipeline after {@code records}, ending in the store's sinks and, when {@code runs} is
   * set, in that sink of statement runs (one per analyzed statement that writes a table: what
   * OpenLineage events are made of).
   */
  public static void build(
      DataStream<QueryRecord> records,
      PipelineOptions options,
      PipelineStore store,
      Sink<StatementRun> runs) {
    // In batch mode a key's timers fire when its input ends: operators hold what they send on
    // until then, so edges carry the whole first/last seen range of the statements behind them.
    boolean batch =
        records.getExecutionEnvironment().getConfiguration().get(ExecutionOptions.RUNTIME_MODE)
            == RuntimeExecutionMode.BATCH;
    SingleOutputStreamOperator<FingerprintedQuery> fingerprinted =
        records
            .transform(
                "Fingerprint statements",
                TypeInformation.of(FingerprintedQuery.class),
                new CombineByFingerprint(
                    options.defaultDialect(),
                    options.from().toEpochMilli(),
                    options.to().toEpochMilli(),
                    DEAD_LETTERS,
                    EXECUTION_COUNTS,
                    options.combineInterval(),
                    COMBINE_MAX_KEYS))
            .uid("fingerprint-statements");

    SingleOutputStreamOperator<FingerprintedQuery> firstSeen =
        fingerprinted
            .keyBy(FingerprintedQuery::key, StatementKey.TYPE)
            .process(
                new FirstSeenPerFingerprint(
                    options.stateTtl(),
                    options.statsFlushInterval(),
                    QUERY_STATS,
                    batch,
                    options.edgeRefreshInterval()))
            .name("First seen per fingerprint")
            .uid("first-seen-per-fingerprint");

    fingerprinted
        .getSideOutput(EXECUTION_COUNTS)
        .keyBy(ExecutionCount::key, ExecutionCount.Key.TYPE)
        .process(
            new CountExecutionsPerDay(countTtl(options.stateTtl()), options.statsFlushInterval()))
        .name("Count executions per day")
        .uid("count-executions-per-day")
        .sinkTo(store.queryExecutionsSink())
        .name("Write query executions")
        .uid("write-query-executions");

    SingleOutputStreamOperator<ResolvedEdge> resolved =
        firstSeen
            .process(
                new AnalyzeStatements(
                    options,
                    store,
                    DEAD_LETTERS,
                    runs == null ? null : RUNS,
                    TABLE_CHANGES,
                    REPLACEMENTS))
            .name("Analyze statements")
            .uid("analyze-statements");

    if (runs != null) {
      // One sender: events are few (one per distinct statement) and a file is appended in order.
      resolved
          .getSideOutput(RUNS)
          .sinkTo(runs)
          .name("Send OpenLineage events")
          .uid("send-openlineage-events")
          .setParallelism(1);
    }

    // One writer: DDL is rare, and one task keeps each analyze task's order (batch: time order).
    resolved
        .getSideOutput(TABLE_CHANGES)
        .sinkTo(store.schemaHistorySink(batch))
        .name("Write schema history")
        .uid("write-schema-history")
        .setParallelism(1);

    resolved
        .getSideOutput(REPLACEMENTS)
        .sinkTo(store.replacementSink())
        .name("Write content replacements")
        .uid("write-content-replacements");

    resolved
        .keyBy(ResolvedEdge::key, ResolvedEdge.Key.TYPE)
        .process(new DedupeEdges(store, options.stateTtl(), batch))
        .name("Dedupe edges")
        .uid("dedupe-edges")
        .flatMap((ResolvedEdge edge, Collector<EdgeRow> out) -> edge.rows().forEach(out::collect))
        .returns(EdgeRow.class)
        .name("Both directions")
        .uid("both-directions")
        .sinkTo(store.edgeSink())
        .name("Write edges")
        .uid("write-edges");

    firstSeen
        .getSideOutput(QUERY_STATS)
        .keyBy(QueryStats::fingerprint, Types.STRING)
        .sinkTo(store.queriesSink())
        .name("Write queries seen")
        .uid("write-queries-seen");

    DataStream<DeadLetter> deadLetters =
        fingerprinted.getSideOutput(DEAD_LETTERS).union(resolved.getSideOutput(DEAD_LETTERS));
    if (records instanceof SingleOutputStreamOperator<QueryRecord> source) {
      deadLetters = deadLetters.union(source.getSideOutput(UNREADABLE_RECORDS));
    }
    deadLetters.sinkTo(store.deadLetterSink()).name("Write dead letters").uid("write-dead-letters");
  }
}
