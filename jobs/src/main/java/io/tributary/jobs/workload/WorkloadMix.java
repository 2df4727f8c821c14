package io.tributary.jobs.workload;

/**
 * What a generated log holds besides the daily ETL.
 *
 * @param distinct the share of rows that are distinct statements (0 to 1): ad-hoc queries of new
 *     shapes (joins, CTEs, window functions, subqueries over the warehouse, in several dialects)
 *     are added until the log holds about that many distinct fingerprints
 * @param truncated the share of rows whose text a history table cut at {@value
 *     LongStatements#HISTORY_TEXT_LIMIT} characters; each such statement recurs day after day
 */
public record WorkloadMix(double distinct, double truncated) {

  /** The ETL, dashboards and session noise only: about 30 distinct statements whatever the size. */
  public static final WorkloadMix ETL_ONLY = new WorkloadMix(0, 0);

  public WorkloadMix {
    if (distinct < 0 || distinct > 1 || truncated < 0 || truncated > 1) {
      throw new IllegalArgumentException("shares are between 0 and 1");
    }
  }

  /** A log with ad-hoc queries, truncated statements, scripts and temp-table sessions. */
  boolean realistic() {
    return distinct > 0 || truncated > 0;
  }
}
