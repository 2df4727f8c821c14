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

  /**
   * A builder of the settings of a run of {@code source}; the rest defaults as {@link JobFlags}.
   */
  public static Builder builder(QuerySourceSpec source, PipelineOptions pipeline, String storeUrl) {
    return new Builder(source, pipeline, storeUrl);
  }

  /** These settings, to change some of them. */
  public Builder toBuilder() {
    return builder(source, pipeline, storeUrl)
        .parallelism(parallelism)
        .checkpointInterval(checkpointInterval)
        .restartAttempts(restartAttempts)
        .restartDelay(restartDelay)
        .openLineage(openLineage);
  }

  public JobSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(storeUrl, "storeUrl");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(restartDelay, "restartDelay");
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

  /** Starts from {@link JobFlags}' defaults and no OpenLineage events. */
  public static final class Builder {
    private final QuerySourceSpec source;
    private final PipelineOptions pipeline;
    private final String storeUrl;
    private int parallelism = JobFlags.PARALLELISM.defaultValue();
    private Duration checkpointInterval = JobFlags.CHECKPOINT_INTERVAL.defaultValue();
    private int restartAttempts = JobFlags.RESTART_ATTEMPTS.defaultValue();
    private Duration restartDelay = JobFlags.RESTART_DELAY.defaultValue();
    private OpenLineageOptions openLineage;

    private Builder(QuerySourceSpec source, PipelineOptions pipeline, String storeUrl) {
      this.source = source;
      this.pipeline = pipeline;
      this.storeUrl = storeUrl;
    }

    /** 0 keeps the environment's default. */
    public Builder parallelism(int value) {
      this.parallelism = value;
      return this;
    }

    public Builder checkpointInterval(Duration value) {
      this.checkpointInterval = value;
      return this;
    }

    public Builder restartAttempts(int value) {
      this.restartAttempts = value;
      return this;
    }

    public Builder restartDelay(Duration value) {
      this.restartDelay = value;
      return this;
    }

    /** Where OpenLineage run events go; null for none. */
    public Builder openLineage(OpenLineageOptions value) {
      this.openLineage = value;
      return this;
    }

    public JobSettings build() {
      return new JobSettings(
          source,
          pipeline,
          storeUrl,
          parallelism,
          checkpointInterval,
          restartAttempts,
          restartDelay,
          openLineage);
    }
  }
}
