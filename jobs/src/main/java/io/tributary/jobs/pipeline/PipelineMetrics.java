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
   * letter of reason {@link io.tributary.connectors.store.DeadLetterReason#UNKNOWN_DIALECT}.
   */
  public static final String STATEMENTS_UNKNOWN_DIALECT = "statementsUnknownDialect";

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

  /**
   * Warnings on analyzed statements, one counter per {@link io.tributary.sql.model.WarningKind}: in
   * the group {@value #WARNING_KIND} named after the kind in lower case; the accumulator of the
   * same total is {@link #warnings(io.tributary.sql.model.WarningKind)}.
   */
  public static final String WARNINGS = "warnings";

  /** The metric group key of {@link #WARNINGS}' counters; its value is the kind. */
  public static final String WARNING_KIND = "warningKind";

  /** The accumulator of one kind's warnings: {@code warnings.unknown_columns}. */
  public static String warnings(io.tributary.sql.model.WarningKind kind) {
    return WARNINGS + "." + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

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

  private PipelineMetrics() {}
}
