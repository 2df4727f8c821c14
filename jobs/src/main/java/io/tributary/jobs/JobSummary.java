package io.tributary.jobs;

import io.tributary.jobs.pipeline.PipelineMetrics;
import java.util.Locale;
import java.util.Map;

/**
 * The totals of a finished run, read from the job's accumulators.
 *
 * @param seconds wall-clock seconds of the whole run, submission to end
 */
public record JobSummary(
    long statements,
    long failedUpstream,
    long distinctFingerprints,
    long duplicates,
    long analyzed,
    long failed,
    long unknownDialect,
    long skipped,
    long edgesEmitted,
    long edgesNew,
    long edgesExisting,
    long edgesForbidden,
    long resourcesDiscovered,
    double seconds) {

  public static JobSummary of(Map<String, Object> accumulators, double seconds) {
    return new JobSummary(
        get(accumulators, PipelineMetrics.STATEMENTS_IN),
        get(accumulators, PipelineMetrics.STATEMENTS_FAILED_UPSTREAM),
        get(accumulators, "distinctFingerprints"),
        get(accumulators, PipelineMetrics.DUPLICATES),
        get(accumulators, PipelineMetrics.ANALYZED),
        get(accumulators, PipelineMetrics.FAILED),
        get(accumulators, PipelineMetrics.STATEMENTS_UNKNOWN_DIALECT),
        get(accumulators, PipelineMetrics.STATEMENTS_SKIPPED),
        get(accumulators, PipelineMetrics.EDGES_EMITTED),
        get(accumulators, PipelineMetrics.EDGES_NEW),
        get(accumulators, PipelineMetrics.EDGES_EXISTING),
        get(accumulators, PipelineMetrics.EDGES_FORBIDDEN),
        get(accumulators, PipelineMetrics.RESOURCES_DISCOVERED),
        seconds);
  }

  /** Statements read per second of the whole run. */
  public double rowsPerSecond() {
    return seconds <= 0 ? 0 : statements / seconds;
  }

  /** The lines the commands print at the end. */
  public String format() {
    return String.format(
        Locale.ROOT,
        """
        statements            %,d (%,d failed in the warehouse, not analyzed)
        distinct fingerprints %,d (%,d duplicates)
        analyzed              %,d (%,d without lineage)
        failures              %,d (see dead letters)
        unknown dialect       %,d (rows naming a dialect not known; dead letters UNKNOWN_DIALECT)
        edges                 %,d new, %,d existing, %,d forbidden by tombstones (%,d found)
        resources discovered  %,d
        time                  %.1f s, %,.0f rows/s""",
        statements,
        failedUpstream,
        distinctFingerprints,
        duplicates,
        analyzed,
        skipped,
        failed,
        unknownDialect,
        edgesNew,
        edgesExisting,
        edgesForbidden,
        edgesEmitted,
        resourcesDiscovered,
        seconds,
        rowsPerSecond());
  }

  private static long get(Map<String, Object> accumulators, String name) {
    Object value = accumulators.get(name);
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
