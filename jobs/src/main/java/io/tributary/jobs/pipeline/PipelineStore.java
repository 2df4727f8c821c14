package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ContentReplacement;
import io.tributary.connectors.sink.EdgeStatus;
import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.sink.QueryStats;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.EdgeRow;
import io.tributary.connectors.store.LineageEdges;
import io.tributary.connectors.store.ResourceId;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.model.StatementLineage;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * The lineage store as the pipeline sees it: the names (a catalog for the analyzer, and the
 * resolution of its lineage) and edge lookups opened once per parallel task, and the sinks.
 * Serializable, so it travels with the job graph and opens its connections on the task managers.
 */
public interface PipelineStore extends Serializable {

  /**
   * Opens the store's names for one task: the catalog the analyzer expands {@code *} and places
   * columns with, and the resolution of its lineage into edges.
   *
   * @param registerDiscovered whether names the store does not know are registered as discovered
   *     resources (else their edges are dropped)
   * @param maxAge how old a task's copy of the catalog may get before it is read again; null to
   *     read it once
   */
  TaskNames openNames(boolean registerDiscovered, Duration maxAge) throws Exception;

  /** Opens edge lookups for one task. */
  EdgeLookup openEdgeLookup() throws Exception;

  /** Both stored rows of each edge. */
  Sink<EdgeRow> edgeSink();

  Sink<QueryStats> queriesSink();

  /** Whole daily execution counts; the store keeps the larger of a stored and a written count. */
  Sink<ExecutionCount> queryExecutionsSink();

  Sink<DeadLetter> deadLetterSink();

  /**
   * The table changes of DDL statements, into the schema history: as received, or in batch held
   * until the input ends and written in time order.
   */
  Sink<StatementChanges> schemaHistorySink(boolean batch);

  /** Replacements of a table's whole contents, each recorded once. */
  Sink<ContentReplacement> replacementSink();

  /** The store's names as one task sees them; not thread-safe. */
  interface TaskNames extends AutoCloseable {

    /** The catalog the analyzer uses for a statement in this dialect. */
    Catalog catalog(Dialect dialect);

    /**
     * The edges of one statement analyzed in this dialect, by {@link LineageEdges}' rule; the
     * resources it discovered are registered in the store before this returns.
     */
    LineageEdges.Resolved resolve(StatementLineage statement, Dialect dialect) throws Exception;

    /** How many tables and columns this task registered so far. */
    long discovered();

    @Override
    void close() throws Exception;
  }

  /** What the store holds for a relationship; one instance per task. */
  interface EdgeLookup extends AutoCloseable {

    EdgeStatus status(ResourceId sourceId, ResourceId targetId) throws Exception;

    @Override
    void close() throws Exception;
  }
}
