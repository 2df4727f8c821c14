package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.EdgeStatus;
import io.tributary.connectors.sink.ResolvedEdge;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
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
 */
final class DedupeEdges extends KeyedProcessFunction<String, ResolvedEdge, ResolvedEdge> {

  private static final long serialVersionUID = 1L;

  private final PipelineStore store;
  private final Duration ttl;

  private transient ValueState<Boolean> seen;
  private transient PipelineStore.EdgeLookup lookup;
  private transient Counter edgesNew;
  private transient Counter edgesExisting;
  private transient Counter edgesForbidden;
  private transient LongCounter newTotal;
  private transient LongCounter existingTotal;
  private transient LongCounter forbiddenTotal;

  DedupeEdges(PipelineStore store, Duration ttl) {
    this.store = store;
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    ValueStateDescriptor<Boolean> descriptor =
        new ValueStateDescriptor<>("edgeSeen", TypeInformation.of(Boolean.class));
    if (ttl != null) {
      descriptor.enableTimeToLive(
          StateTtlConfig.newBuilder(ttl).updateTtlOnCreateAndWrite().neverReturnExpired().build());
    }
    seen = getRuntimeContext().getState(descriptor);
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
    if (seen.value() != null) {
      return;
    }
    seen.update(Boolean.TRUE);
    EdgeStatus status = lookup.status(edge.sourceId(), edge.targetId());
    switch (status) {
      case FORBIDDEN -> {
        edgesForbidden.inc();
        forbiddenTotal.add(1);
      }
      case NEW -> {
        edgesNew.inc();
        newTotal.add(1);
        out.collect(edge);
      }
      case EXISTING, MANUAL -> {
        edgesExisting.inc();
        existingTotal.add(1);
        out.collect(edge);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (lookup != null) {
      lookup.close();
    }
  }
}
