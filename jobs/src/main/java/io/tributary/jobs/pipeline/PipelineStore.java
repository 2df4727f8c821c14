package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.EdgeDirectionRow;
import io.tributary.connectors.sink.EdgeStatus;
import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.sink.QueryStats;
import io.tributary.connectors.store.DeadLetter;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * The lineage store as the pipeline sees it: a catalog for the analyzer, name resolution and edge
 * lookups opened once per parallel task, and the four sinks. Serializable, so it travels with the
 * job graph and opens its connections on the task managers.
 */
public interface PipelineStore extends Serializable {

  /**
   * The catalog the analyzer expands {@code *} and places columns with.
   *
   * @param maxAge how old a task's copy may get before it is read again; null to read it once
   */
  CatalogFactory catalog(Duration maxAge);

  /** Opens name resolution for one task; {@code maxAge} as for {@link #catalog}. */
  ResourceResolver openResolver(boolean registerDiscovered, Duration maxAge) throws Exception;

  /** Opens edge lookups for one task. */
  EdgeLookup openEdgeLookup() throws Exception;

  /** Both stored rows of each edge. */
  Sink<EdgeDirectionRow> edgeSink();

  Sink<QueryStats> queriesSink();

  /** Whole daily execution counts; the store keeps the larger of a stored and a written count. */
  Sink<ExecutionCount> queryExecutionsSink();

  Sink<DeadLetter> deadLetterSink();

  /** Resource ids of analyzer names; one instance per task, not thread-safe. */
  interface ResourceResolver extends AutoCloseable {

    /**
     * The id of a table or column; a name the store does not know is registered as discovered (when
     * allowed) or comes back empty.
     */
    Optional<String> id(EdgeEnd end) throws Exception;

    /** How many tables and columns this resolver registered so far. */
    long discovered();

    @Override
    void close() throws Exception;
  }

  /** What the store holds for a relationship; one instance per task. */
  interface EdgeLookup extends AutoCloseable {

    EdgeStatus status(String sourceId, String targetId) throws Exception;

    @Override
    void close() throws Exception;
  }
}
