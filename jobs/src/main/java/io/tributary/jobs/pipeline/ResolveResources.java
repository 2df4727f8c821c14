package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ResolvedEdge;
import io.tributary.connectors.store.JobJdbcDrivers;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Turns names into store resource ids through the store's catalog (cached by the resolver of each
 * task). With discovery off, an edge with an end the catalog does not know is dropped.
 */
final class ResolveResources extends RichFlatMapFunction<NamedEdge, ResolvedEdge> {

  private static final long serialVersionUID = 1L;

  private final PipelineStore store;
  private final boolean registerDiscovered;
  private final Duration catalogMaxAge;

  private transient PipelineStore.ResourceResolver resolver;
  private transient Counter discovered;
  private transient LongCounter discoveredTotal;
  private transient long reported;

  ResolveResources(PipelineStore store, boolean registerDiscovered, Duration catalogMaxAge) {
    this.store = store;
    this.registerDiscovered = registerDiscovered;
    this.catalogMaxAge = catalogMaxAge;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    JobJdbcDrivers.deregisterWithTheJob(
        getRuntimeContext()::registerUserCodeClassLoaderReleaseHookIfAbsent);
    resolver = store.openResolver(registerDiscovered, catalogMaxAge);
    discovered = getRuntimeContext().getMetricGroup().counter(PipelineMetrics.RESOURCES_DISCOVERED);
    discoveredTotal =
        Accumulators.counter(getRuntimeContext(), PipelineMetrics.RESOURCES_DISCOVERED);
  }

  @Override
  public void flatMap(NamedEdge edge, Collector<ResolvedEdge> out) throws Exception {
    Optional<String> from = resolver.id(edge.from());
    Optional<String> to = from.isPresent() ? resolver.id(edge.to()) : Optional.empty();
    long now = resolver.discovered();
    if (now > reported) {
      discovered.inc(now - reported);
      discoveredTotal.add(now - reported);
      reported = now;
    }
    if (from.isPresent() && to.isPresent()) {
      out.collect(
          new ResolvedEdge(
              from.get(),
              to.get(),
              edge.to().isColumn(),
              edge.fingerprint(),
              edge.firstSeenMillis(),
              edge.lastSeenMillis()));
    }
  }

  @Override
  public void close() throws Exception {
    if (resolver != null) {
      resolver.close();
    }
  }
}
