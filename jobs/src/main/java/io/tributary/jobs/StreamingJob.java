package io.tributary.jobs;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.jobs.pipeline.LineagePipeline;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.pipeline.PipelineStore;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Streaming: follows a query history without end (new files in a directory, new rows of a JDBC
 * history table, new PostgreSQL csvlog files, new Kafka records) and keeps the store's lineage
 * current. Checkpoints keep the sources' positions and the dedupe state; a failed run restarts with
 * a fixed delay. Fingerprints and edges are remembered for {@code --state-ttl}; after that a
 * statement is analyzed again, so lineage follows schema changes.
 *
 * <p>Run on a cluster with {@code flink run -c io.tributary.jobs.StreamingJob
 * jobs/target/tributary-jobs.jar [flags]}. The flags are those of {@link BackfillJob}, where {@code
 * --from} is where JDBC polling starts (default: the start of the current day (UTC), so that day is
 * counted whole; statements before it are dropped) and {@code --to}, if given, drops statements
 * that started after it, plus {@link JobFlags#STREAMING}: checkpoints and restarts, state TTL, edge
 * refresh, the stats interval and how often sources look for new data.
 */
public final class StreamingJob {

  public static final String NAME = "Tributary streaming";

  /** How long a statement may wait to be combined with repeats of it before it moves on. */
  static final Duration DEFAULT_COMBINE_INTERVAL = Duration.ofMillis(200);

  /** How often each task reads the store's catalog again, to see catalog imports. */
  static final Duration DEFAULT_CATALOG_MAX_AGE = Duration.ofMinutes(5);

  private StreamingJob() {}

  public static void main(String[] args) throws Exception {
    JobSettings settings = JobMainArguments.parseOrExit(args, true, NAME);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, settings, StorePipelines.forSettings(settings));
    env.execute(NAME);
  }

  /** Adds the streaming job to {@code env}: checkpoints, restarts, unbounded source, pipeline. */
  public static void define(
      StreamExecutionEnvironment env, JobSettings settings, PipelineStore store) {
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    if (settings.parallelism() > 0) {
      env.setParallelism(settings.parallelism());
    }
    env.enableCheckpointing(settings.checkpointInterval().toMillis());
    env.configure(restartStrategy(settings));
    env.getConfig().enableObjectReuse();
    DataStream<QueryRecord> records =
        settings.source().open(env, true, settings.fromOrNull(), null);
    PipelineOptions options = settings.pipeline();
    if (options.combineInterval() == null) {
      options = options.withCombineInterval(DEFAULT_COMBINE_INTERVAL);
    }
    if (options.catalogMaxAge() == null) {
      options = options.withCatalogMaxAge(DEFAULT_CATALOG_MAX_AGE);
    }
    LineagePipeline.build(records, options, store, settings.openLineageSinkOrNull());
  }

  static Configuration restartStrategy(JobSettings settings) {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, settings.restartAttempts());
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, settings.restartDelay());
    return conf;
  }
}
