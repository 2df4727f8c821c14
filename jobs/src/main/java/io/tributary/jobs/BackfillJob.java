package io.tributary.jobs;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.jobs.pipeline.LineagePipeline;
import io.tributary.jobs.pipeline.PipelineStore;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Backfill: reads a bounded query history once, in Flink's batch execution mode, and writes its
 * lineage into the store. Each distinct statement (by fingerprint, dialect and session defaults) is
 * analyzed once per run; executions are counted per fingerprint, origin and day into the queries
 * table, as whole counts, so a second backfill of the same range counts nothing twice.
 *
 * <p>Run on a cluster with {@code flink run -c io.tributary.jobs.BackfillJob
 * jobs/target/tributary-jobs.jar [flags]}. The flags, with their defaults and descriptions, are
 * {@link JobFlags#COMMON}: the source ({@code --source files|jdbc|pg-csvlog|kafka} and its flags),
 * the time range {@code [--from, --to)} (required for jdbc; widened to whole days, UTC), the
 * dialect, the store, parallelism, analysis timeout, discovery and OpenLineage events. Without
 * {@code --from} a Kafka backfill reads from the group's committed offsets to the latest offsets at
 * start.
 */
public final class BackfillJob {

  public static final String NAME = "Tributary backfill";

  private BackfillJob() {}

  public static void main(String[] args) throws Exception {
    JobSettings settings = JobMainArguments.parseOrExit(args, false, NAME);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, settings, StorePipelines.forSettings(settings));
    long started = System.nanoTime();
    JobExecutionResult result = env.execute(NAME);
    if (!result.isJobExecutionResult()) {
      // Submitted detached (a cluster's REST API, flink run -d): no results here; the cluster keeps
      // the accumulators, which `tributary submit --wait` turns into the same summary.
      System.out.println("submitted " + NAME + " as job " + result.getJobID());
      return;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println(JobSummary.of(result.getAllAccumulatorResults(), seconds).format());
  }

  /** Adds the backfill to {@code env}: batch mode, bounded source, the pipeline, the sinks. */
  public static void define(
      StreamExecutionEnvironment env, JobSettings settings, PipelineStore store) {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    if (settings.parallelism() > 0) {
      env.setParallelism(settings.parallelism());
    }
    env.getConfig().enableObjectReuse();
    DataStream<QueryRecord> records =
        settings.source().open(env, false, settings.fromOrNull(), settings.toOrNull());
    LineagePipeline.build(records, settings.pipeline(), store, settings.openLineageSinkOrNull());
  }
}
