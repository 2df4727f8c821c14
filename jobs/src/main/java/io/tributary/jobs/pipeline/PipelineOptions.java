package io.tributary.jobs.pipeline;

import io.tributary.connectors.store.QueryExecutions;
import io.tributary.sql.AnalyzerLimits;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What shapes the pipeline, the same for backfill and streaming.
 *
 * <p>The time range is widened to whole days because executions are counted per day and each day's
 * count is written whole: a range that cut a day would write part of that day's count over the
 * whole of it.
 *
 * @param defaultDialect the dialect of statements whose history does not say
 * @param from statements that started before are dropped; rounded down to a whole day (UTC)
 * @param to statements that started at or after are dropped; rounded up to a whole day (UTC)
 * @param analysisTimeout the longest one statement's analysis may take
 * @param maxStatementChars longer statements go to the dead letters
 * @param registerDiscovered register tables and columns the catalog does not know
 * @param stateTtl how long fingerprints and edges are remembered (null: the whole run)
 * @param statsFlushInterval how often per-fingerprint execution counts are written
 * @param combineInterval how long executions are combined per task before the shuffle (null: until
 *     the input ends or the buffer is full, for a backfill)
 * @param catalogMaxAge how old a task's copy of the store's catalog may get (null: read once)
 * @param edgeRefreshInterval streaming: a statement seen again this much later than its edges were
 *     last written is sent on again, so its edges' last_seen follows (null: never; a backfill
 *     writes each edge once with the whole range)
 */
public record PipelineOptions(
    String defaultDialect,
    Instant from,
    Instant to,
    Duration analysisTimeout,
    int maxStatementChars,
    boolean registerDiscovered,
    Duration stateTtl,
    Duration statsFlushInterval,
    Duration combineInterval,
    Duration catalogMaxAge,
    Duration edgeRefreshInterval)
    implements Serializable {

  public PipelineOptions {
    Objects.requireNonNull(defaultDialect, "defaultDialect");
    from =
        from == null
            ? Instant.EPOCH
            : Instant.ofEpochMilli(QueryExecutions.dayOf(from.toEpochMilli()));
    to = to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : dayAtOrAfter(to);
    Objects.requireNonNull(analysisTimeout, "analysisTimeout");
    Objects.requireNonNull(statsFlushInterval, "statsFlushInterval");
  }

  /**
   * Defaults: the analyzer's limits, discovery on, no TTL, stats flushed every 10 seconds, no
   * combine interval.
   */
  public static PipelineOptions defaults(String dialect) {
    AnalyzerLimits limits = AnalyzerLimits.defaults();
    return new PipelineOptions(
        dialect,
        null,
        null,
        limits.timeout(),
        limits.maxStatementChars(),
        true,
        null,
        Duration.ofSeconds(10),
        null,
        null,
        null);
  }

  private static Instant dayAtOrAfter(Instant time) {
    long millis = time.toEpochMilli();
    long day = QueryExecutions.dayOf(millis);
    long oneDay = Duration.ofDays(1).toMillis();
    if (day == millis || millis > Long.MAX_VALUE - oneDay) {
      return time.truncatedTo(ChronoUnit.MILLIS);
    }
    return Instant.ofEpochMilli(day + oneDay);
  }

  public AnalyzerLimits limits() {
    return new AnalyzerLimits(analysisTimeout, maxStatementChars);
  }

  public PipelineOptions withRange(Instant newFrom, Instant newTo) {
    return toBuilder().range(newFrom, newTo).build();
  }

  public PipelineOptions withStateTtl(Duration value) {
    return toBuilder().stateTtl(value).build();
  }

  public PipelineOptions withRegisterDiscovered(boolean value) {
    return toBuilder().registerDiscovered(value).build();
  }

  public PipelineOptions withStatsFlushInterval(Duration value) {
    return toBuilder().statsFlushInterval(value).build();
  }

  public PipelineOptions withAnalysisTimeout(Duration value) {
    return toBuilder().analysisTimeout(value).build();
  }

  public PipelineOptions withCombineInterval(Duration value) {
    return toBuilder().combineInterval(value).build();
  }

  public PipelineOptions withCatalogMaxAge(Duration value) {
    return toBuilder().catalogMaxAge(value).build();
  }

  public PipelineOptions withEdgeRefreshInterval(Duration value) {
    return toBuilder().edgeRefreshInterval(value).build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy of some options with a few changed; the withers above are its only users. */
  private static final class Builder {
    private final String defaultDialect;
    private Instant from;
    private Instant to;
    private Duration analysisTimeout;
    private final int maxStatementChars;
    private boolean registerDiscovered;
    private Duration stateTtl;
    private Duration statsFlushInterval;
    private Duration combineInterval;
    private Duration catalogMaxAge;
    private Duration edgeRefreshInterval;

    private Builder(PipelineOptions o) {
      defaultDialect = o.defaultDialect;
      from = o.from;
      to = o.to;
      analysisTimeout = o.analysisTimeout;
      maxStatementChars = o.maxStatementChars;
      registerDiscovered = o.registerDiscovered;
      stateTtl = o.stateTtl;
      statsFlushInterval = o.statsFlushInterval;
      combineInterval = o.combineInterval;
      catalogMaxAge = o.catalogMaxAge;
      edgeRefreshInterval = o.edgeRefreshInterval;
    }

    Builder range(Instant newFrom, Instant newTo) {
      from = newFrom;
      to = newTo;
      return this;
    }

    Builder analysisTimeout(Duration value) {
      analysisTimeout = value;
      return this;
    }

    Builder registerDiscovered(boolean value) {
      registerDiscovered = value;
      return this;
    }

    Builder stateTtl(Duration value) {
      stateTtl = value;
      return this;
    }

    Builder statsFlushInterval(Duration value) {
      statsFlushInterval = value;
      return this;
    }

    Builder combineInterval(Duration value) {
      combineInterval = value;
      return this;
    }

    Builder catalogMaxAge(Duration value) {
      catalogMaxAge = value;
      return this;
    }

    Builder edgeRefreshInterval(Duration value) {
      edgeRefreshInterval = value;
      return this;
    }

    PipelineOptions build() {
      return new PipelineOptions(
          defaultDialect,
          from,
          to,
          analysisTimeout,
          maxStatementChars,
          registerDiscovered,
          stateTtl,
          statsFlushInterval,
          combineInterval,
          catalogMaxAge,
          edgeRefreshInterval);
    }
  }
}
