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
 * jobs/target/tributary-jobs.jar [flags]}. Flags:
 *
 * <ul>
 *   <li>{@code --source files|jdbc|pg-csvlog|kafka} (required)
 *   <li>files: {@code --path P[,P...]} a file or directory, {@code --format jsonl|csv} (default
 *       from the extension)
 *   <li>jdbc: {@code --jdbc-url URL}, {@code --jdbc-user U}, {@code --jdbc-password P}, {@code
 *       --preset snowflake|bigquery|redshift|databricks|postgresql} (default postgresql), {@code
 *       --table T} (instead of the preset's), {@code --slice 1h} (one parallel time slice), {@code
 *       --origin NAME} (what executions are counted under; default the URL without credentials or
 *       properties, and the table)
 *   <li>pg-csvlog: {@code --path P} a csvlog file or the log directory, {@code --default-schema S}
 *       (default public)
 *   <li>kafka: {@code --bootstrap-servers}, {@code --topic T[,T...]} or {@code --topic-pattern
 *       REGEX}, {@code --group-id} (default tributary), {@code --kafka-property key=value}
 *       (repeatable), {@code --kafka-properties-file PATH}, {@code --lateness 5min} (records
 *       published that long after {@code --to} are read too); without {@code --from} a backfill
 *       reads from the group's committed offsets to the latest offsets at start
 *   <li>{@code --from T}, {@code --to T}: the time range {@code [from, to)} (required for jdbc;
 *       ISO-8601, a date, or epoch seconds/millis), widened to whole days (UTC)
 *   <li>{@code --dialect D}: the dialect of statements whose history does not name one (default the
 *       preset's, else ansi)
 *   <li>{@code --store URL}: the lineage store ({@code jdbc:postgresql:...} or {@code jdbc:h2:...};
 *       default {@code $TRIBUTARY_STORE}, else the H2 file store in {@code $TRIBUTARY_DATA_DIR}, by
 *       default {@code ./data/tributary}); credentials go in the URL
 *   <li>{@code --parallelism N}, {@code --analysis-timeout 10s}, {@code --no-discover} (do not
 *       register tables and columns the catalog does not know)
 *   <li>{@code --openlineage-url URL}, {@code --openlineage-api-key KEY}, {@code --openlineage-file
 *       PATH}, {@code --openlineage-dataset-namespace NS|ORIGIN=NS}: send OpenLineage run events
 *       ({@link io.tributary.jobs.openlineage.RunEvents})
 * </ul>
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
