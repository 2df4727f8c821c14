package io.tributary.jobs;

import io.tributary.jobs.openlineage.OpenLineageOptions;
import io.tributary.jobs.openlineage.OpenLineageSink;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.pipeline.StatementRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Everything a job run needs: where the history is, the pipeline's options, the store, and the
 * Flink settings (streaming ones are ignored by a backfill).
 *
 * @param source the query history
 * @param pipeline the pipeline's options (dialect, range, limits, discovery, TTL)
 * @param storeUrl the lineage store's JDBC URL
 * @param parallelism the job's parallelism; 0 keeps the environment's default
 * @param checkpointInterval streaming: how often to checkpoint
 * @param restartAttempts streaming: how often a failed job is restarted
 * @param restartDelay streaming: the pause before a restart
 * @param openLineage where OpenLineage run events go, or null for none
 */
public record JobSettings(
    QuerySourceSpec source,
    PipelineOptions pipeline,
    String storeUrl,
    int parallelism,
    Duration checkpointInterval,
    int restartAttempts,
    Duration restartDelay,
    OpenLineageOptions openLineage) {

  /** Settings without OpenLineage events. */
  public JobSettings(
      QuerySourceSpec source,
      PipelineOptions pipeline,
      String storeUrl,
      int parallelism,
      Duration checkpointInterval,
      int restartAttempts,
      Duration restartDelay) {
    this(
        source,
        pipeline,
        storeUrl,
        parallelism,
        checkpointInterval,
        restartAttempts,
        restartDelay,
        null);
  }

  public JobSettings withOpenLineage(OpenLineageOptions value) {
    return new JobSettings(
        source,
        pipeline,
        storeUrl,
        parallelism,
        checkpointInterval,
        restartAttempts,
        restartDelay,
        value);
  }

  public JobSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(storeUrl, "storeUrl");
    checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(10) : checkpointInterval;
    restartDelay = restartDelay == null ? Duration.ofSeconds(10) : restartDelay;
  }

  /** The sink of the OpenLineage run events, or null when none are sent. */
  public Sink<StatementRun> openLineageSinkOrNull() {
    return openLineage == null ? null : new OpenLineageSink(openLineage);
  }

  /** The range's start, or null when none was given. */
  public Instant fromOrNull() {
    return pipeline.from().equals(Instant.EPOCH) ? null : pipeline.from();
  }

  /** The range's end, or null when none was given. */
  public Instant toOrNull() {
    return pipeline.to().toEpochMilli() == Long.MAX_VALUE ? null : pipeline.to();
  }
}
