package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.EdgeStatus;
import io.tributary.connectors.sink.ResolvedEdge;
import io.tributary.connectors.store.JobJdbcDrivers;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes each relationship on once (per run, or per TTL in streaming) and asks the store what it
 * holds: a tombstoned relationship is dropped; a new one is counted as new; an existing derived or
 * manual one is still written, which only refreshes its last-seen time.
 *
 * <p>In batch mode an edge is sent on at the end of its key, with the first/last seen range of all
 * the statements that yielded it. In streaming an edge seen again with a later last_seen (its
 * statement sent on again, see {@link FirstSeenPerFingerprint}) is written again.
 */
final class DedupeEdges extends KeyedProcessFunction<ResolvedEdge.Key, ResolvedEdge, ResolvedEdge> {

  private static final long serialVersionUID = 1L;
  private static final long FORBIDDEN = Long.MIN_VALUE;

  private final PipelineStore store;
  private final Duration ttl;
  private final boolean holdUntilEnd;

  /** The last_seen of the edge's last write; {@link #FORBIDDEN} when a tombstone forbids it. */
  private transient ValueState<Long> writtenUpTo;

  private transient ValueState<ResolvedEdge> held;
  private transient PipelineStore.EdgeLookup lookup;
  private transient Counter edgesNew;
  private transient Counter edgesExisting;
  private transient Counter edgesForbidden;
  private transient LongCounter newTotal;
  private transient LongCounter existingTotal;
  private transient LongCounter forbiddenTotal;

  /**
   * @param holdUntilEnd batch: send each edge on at the end of its key, with the whole range
   */
  DedupeEdges(PipelineStore store, Duration ttl, boolean holdUntilEnd) {
    this.store = store;
    this.ttl = ttl;
    this.holdUntilEnd = holdUntilEnd;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    writtenUpTo =
        getRuntimeContext()
            .getState(ExpiringValueState.descriptor("edgeWrittenUpTo", Long.class, ttl));
    held =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("heldEdge", TypeInformation.of(ResolvedEdge.class)));
    JobJdbcDrivers.deregisterWithTheJob(
        getRuntimeContext()::registerUserCodeClassLoaderReleaseHookIfAbsent);
    lookup = store.openEdgeLookup();
    var metrics = getRuntimeContext().getMetricGroup();
    edgesNew = metrics.counter(PipelineMetrics.EDGES_NEW);
    edgesExisting = metrics.counter(PipelineMetrics.EDGES_EXISTING);
    edgesForbidden = metrics.counter(PipelineMetrics.EDGES_FORBIDDEN);
    newTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.EDGES_NEW);
    existingTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.EDGES_EXISTING);
    forbiddenTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.EDGES_FORBIDDEN);
  }

  @Override
  public void processElement(ResolvedEdge edge, Context ctx, Collector<ResolvedEdge> out)
      throws Exception {
    Long upTo = writtenUpTo.value();
    if (upTo != null) {
      ResolvedEdge first = held.value();
      if (first != null) {
        held.update(first.widen(edge.firstSeenMillis(), edge.lastSeenMillis(), edge.kind()));
      } else if (upTo != FORBIDDEN && edge.lastSeenMillis() > upTo) {
        // Streaming: its statement was sent on again, having run later (a last_seen refresh).
        writtenUpTo.update(edge.lastSeenMillis());
        out.collect(edge);
      }
      return;
    }
    if (!written(lookup.status(edge.sourceId(), edge.targetId()))) {
      writtenUpTo.update(FORBIDDEN);
      return;
    }
    writtenUpTo.update(edge.lastSeenMillis());
    if (holdUntilEnd) {
      held.update(edge);
      ctx.timerService().registerProcessingTimeTimer(Long.MAX_VALUE);
    } else {
      out.collect(edge);
    }
  }

  /** Counts the edge by what the store holds; whether it is to be written. */
  private boolean written(EdgeStatus status) {
    switch (status) {
      case FORBIDDEN -> {
        edgesForbidden.inc();
        forbiddenTotal.add(1);
        return false;
      }
      case NEW -> {
        edgesNew.inc();
        newTotal.add(1);
        return true;
      }
      default -> {
        edgesExisting.inc();
        existingTotal.add(1);
        return true;
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ResolvedEdge> out)
      throws Exception {
    ResolvedEdge edge = held.value();
    if (edge != null) {
      out.collect(edge);
      held.clear();
    }
  }

  @Override
  public void close() throws Exception {
    if (lookup != null) {
      lookup.close();
    }
  }
}
