package io.tributary.jobs.pipeline;

/**
 * Names of the job's metrics as the Flink dashboard shows them under each operator, and of the
 * accumulators with the same totals that the commands print at the end.
 */
public final class PipelineMetrics {

  /** Statements read from the history. */
  public static final String STATEMENTS_IN = "statementsIn";

  /** Statements the warehouse reported as failed: counted, not analyzed. */
  public static final String STATEMENTS_FAILED_UPSTREAM = "statementsFailedUpstream";

  /**
   * Statements whose row names a dialect the analyzer does not know: not analyzed, each a dead
   * letter of reason {@value #UNKNOWN_DIALECT_REASON}.
   */
  public static final String STATEMENTS_UNKNOWN_DIALECT = "statementsUnknownDialect";

  /** The dead-letter reason of a statement in an unknown dialect. */
  public static final String UNKNOWN_DIALECT_REASON = "UNKNOWN_DIALECT";

  /** Statements outside the requested time range. */
  public static final String STATEMENTS_OUT_OF_RANGE = "statementsOutOfRange";

  /** Statements whose fingerprint was already analyzed (in this run, or within the state TTL). */
  public static final String DUPLICATES = "duplicates";

  /** Distinct fingerprints analyzed. */
  public static final String ANALYZED = "analyzed";

  /** Analyzed statements without lineage to store (utility statements, plain SELECTs...). */
  public static final String STATEMENTS_SKIPPED = "statementsSkipped";

  /** Statements the analyzer could not analyze: sent to the dead letters. */
  public static final String FAILED = "failed";

  /** Table and column edges found, before deduplication. */
  public static final String EDGES_EMITTED = "edgesEmitted";

  /** Distinct edges the store did not have yet. */
  public static final String EDGES_NEW = "edgesNew";

  /** Distinct edges the store had already (their last-seen time is refreshed). */
  public static final String EDGES_EXISTING = "edgesExisting";

  /** Edges dropped because a tombstone forbids them (a user deleted them). */
  public static final String EDGES_FORBIDDEN = "edgesForbidden";

  /** Tables and columns registered as discovered because the catalog did not know them. */
  public static final String RESOURCES_DISCOVERED = "resourcesDiscovered";

  /** Histogram of the time one analysis takes, in microseconds. */
  public static final String ANALYSIS_LATENCY = "analysisLatencyMicros";

  /** Statements analyzed in their session because they may touch its temporary tables. */
  public static final String STATEMENTS_IN_SESSION = "statementsAnalyzedInSession";

  /** Reads of a temporary table whose creation the session never showed. */
  public static final String UNRESOLVED_TEMPORARY_TABLES = "unresolvedTemporaryTables";

  private PipelineMetrics() {}
}
