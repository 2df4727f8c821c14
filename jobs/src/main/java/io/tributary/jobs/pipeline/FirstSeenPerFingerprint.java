package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.QueryStats;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets the first statement of each key through to analysis and counts the others as duplicates.
 * First/last seen per key are widened in state and reported to a side output once per {@code
 * flushInterval} (in batch mode, once at the end of each key), for the store's queries table.
 * (Executions are counted apart, by {@link CountExecutionsPerDay}.) In batch mode the first
 * statement is held until the end of its key and sent on standing for all executions, so the edges
 * it yields carry the key's whole first/last seen range. In streaming it is sent on at once, and
 * again whenever the key ran {@code edgeRefresh} later than when it was last sent.
 *
 * <p>With a TTL (streaming), a key not seen for that long is forgotten and analyzed again when it
 * comes back, so lineage follows schema changes.
 */
final class FirstSeenPerFingerprint
    extends KeyedProcessFunction<StatementKey, FingerprintedQuery, FingerprintedQuery> {

  private static final long serialVersionUID = 1L;

  private final Duration ttl;
  private final Duration flushInterval;
  private final OutputTag<QueryStats> stats;
  private final boolean holdUntilEnd;
  private final Duration edgeRefresh;

  private transient ValueState<Boolean> seen;
  private transient ValueState<FingerprintedQuery> held;
  private transient ValueState<Long> sentUpTo;
  private transient ValueState<QueryStats> pending;
  private transient Counter duplicates;
  private transient LongCounter duplicatesTotal;
  private transient LongCounter distinctTotal;

  /**
   * @param ttl how long a key is remembered; null to remember it for the whole run
   * @param holdUntilEnd batch: send the first statement on at the end of its key, standing for all
   *     executions, so its edges get the whole first/last seen range
   * @param edgeRefresh streaming: send the statement on again once it ran this much later than when
   *     it was last sent, so its edges' last_seen follows; null never to
   */
  FirstSeenPerFingerprint(
      Duration ttl,
      Duration flushInterval,
      OutputTag<QueryStats> stats,
      boolean holdUntilEnd,
      Duration edgeRefresh) {
    this.ttl = ttl;
    this.flushInterval = flushInterval;
    this.stats = stats;
    this.holdUntilEnd = holdUntilEnd;
    this.edgeRefresh = holdUntilEnd ? null : edgeRefresh;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<Boolean> seenDescriptor =
        ExpiringValueState.descriptor("seen", Boolean.class, ttl);
    seen = getRuntimeContext().getState(seenDescriptor);
    // Kept as long as "seen": when the key is forgotten, it is analyzed afresh anyway.
    held =
        getRuntimeContext()
            .getState(ExpiringValueState.descriptor("heldQuery", FingerprintedQuery.class, ttl));
    sentUpTo =
        getRuntimeContext()
            .getState(ExpiringValueState.descriptor("edgesSentUpTo", Long.class, ttl));
    pending =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("pendingStats", TypeInformation.of(QueryStats.class)));
    duplicates = getRuntimeContext().getMetricGroup().counter(PipelineMetrics.DUPLICATES);
    duplicatesTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.DUPLICATES);
    distinctTotal = Accumulators.counter(getRuntimeContext(), "distinctFingerprints");
  }

  @Override
  public void processElement(
      FingerprintedQuery query, Context ctx, Collector<FingerprintedQuery> out) throws Exception {
    long repeats = query.executions();
    if (seen.value() == null) {
      seen.update(Boolean.TRUE);
      distinctTotal.add(1);
      if (holdUntilEnd) {
        held.update(query);
      } else {
        out.collect(query);
        if (edgeRefresh != null) {
          held.update(query);
          sentUpTo.update(query.lastSeenMillis());
        }
      }
      repeats--;
    }
    duplicates.inc(repeats);
    duplicatesTotal.add(repeats);
    QueryStats current = pending.value();
    if (current == null) {
      pending.update(
          new QueryStats(
              query.fingerprint(),
              query.dialect(),
              query.record().sql(),
              query.firstSeenMillis(),
              query.lastSeenMillis()));
      ctx.timerService()
          .registerProcessingTimeTimer(
              ctx.timerService().currentProcessingTime() + flushInterval.toMillis());
    } else {
      pending.update(current.widen(query.firstSeenMillis(), query.lastSeenMillis()));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FingerprintedQuery> out)
      throws Exception {
    QueryStats current = pending.value();
    if (current != null) {
      ctx.output(stats, current);
      pending.clear();
    }
    FingerprintedQuery first = held.value();
    if (first == null || current == null) {
      return;
    }
    if (holdUntilEnd) {
      out.collect(first.seenBetween(current.firstSeenMillis(), current.lastSeenMillis()));
      held.clear();
      return;
    }
    Long sent = sentUpTo.value();
    if (sent == null || current.lastSeenMillis() >= sent + edgeRefresh.toMillis()) {
      out.collect(first.seenBetween(current.firstSeenMillis(), current.lastSeenMillis()));
      sentUpTo.update(current.lastSeenMillis());
    }
  }
}
