package io.tributary.jobs;

import io.tributary.connectors.source.StartTimes;
import io.tributary.connectors.source.file.QueryLogFormat;
import io.tributary.connectors.source.jdbc.QueryHistoryPreset;
import io.tributary.connectors.store.LineageStore;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.UnknownDialectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * Reads the flags of {@link BackfillJob} and {@link StreamingJob} ({@code --name value}); see their
 * Javadoc for the list. Durations are written {@code 500ms}, {@code 10s}, {@code 5min}, {@code 1h},
 * {@code 1d}; times as ISO-8601 or epoch seconds/millis.
 */
public final class JobArguments {

  private JobArguments() {}

  public static JobSettings parse(String[] args, boolean streaming) {
    ParameterTool p = ParameterTool.fromArgs(args);
    String dialectFlag = p.has("dialect") ? dialect(p.get("dialect")) : "ansi";
    QuerySourceSpec source = source(p, args);
    PipelineOptions options =
        PipelineOptions.defaults(p.has("dialect") ? dialectFlag : source.dialect(dialectFlag))
            .withRange(time(p, "from"), time(p, "to"))
            .withRegisterDiscovered(!p.has("no-discover"))
            .withStatsFlushInterval(
                duration(
                    p, "stats-interval", streaming ? Duration.ofSeconds(10) : Duration.ofHours(1)));
    if (p.has("analysis-timeout")) {
      options = options.withAnalysisTimeout(duration(p, "analysis-timeout", null));
    }
    if (streaming) {
      options =
          options
              .withStateTtl(duration(p, "state-ttl", Duration.ofDays(1)))
              .withEdgeRefreshInterval(duration(p, "edge-refresh", Duration.ofHours(1)));
    }
    return new JobSettings(
        source,
        options,
        LineageStore.resolveUrl(Optional.ofNullable(p.get("store", null)), System.getenv()),
        p.getInt("parallelism", 0),
        duration(p, "checkpoint-interval", Duration.ofSeconds(10)),
        p.getInt("restart-attempts", 3),
        duration(p, "restart-delay", Duration.ofSeconds(10)),
        OpenLineageArguments.parse(args));
  }

  static QuerySourceSpec source(ParameterTool p, String[] args) {
    String kind = p.getRequired("source").toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "files" ->
          new QuerySourceSpec.Files(
              List.of(p.getRequired("path").split(",")),
              p.has("format") ? QueryLogFormat.byName(p.get("format")) : null,
              duration(p, "monitor-interval", null));
      case "jdbc" ->
          new QuerySourceSpec.Jdbc(
              p.getRequired("jdbc-url"),
              p.get("jdbc-user", null),
              p.get("jdbc-password", null),
              p.has("preset") ? QueryHistoryPreset.byName(p.get("preset")) : null,
              p.get("table", null),
              p.get("origin", null),
              duration(p, "slice", null),
              duration(p, "window", null),
              duration(p, "lateness", null),
              duration(p, "poll-interval", null));
      case "pg-csvlog" ->
          new QuerySourceSpec.PostgresCsvLog(
              p.getRequired("path"),
              p.get("default-schema", null),
              duration(p, "monitor-interval", null));
      case "kafka" -> KafkaArguments.source(p, args);
      default ->
          throw new IllegalArgumentException(
              "unknown --source '" + kind + "' (files, jdbc, pg-csvlog, kafka)");
    };
  }

  static Duration duration(ParameterTool p, String name, Duration fallback) {
    return p.has(name) ? TimeUtils.parseDuration(p.get(name)) : fallback;
  }

  /** The formats {@link #parseTime} accepts, as a usage error names them. */
  public static final String TIME_FORMATS =
      "an ISO-8601 time (2024-05-01T12:00:00Z, 2024-05-01T12:00:00+02:00, 2024-05-01T12:00:00"
          + " as UTC), a date (2024-05-01, midnight UTC), or epoch seconds or milliseconds";

  /**
   * The value of {@code --dialect}: a name the analyzer knows, else a usage error that lists the
   * known names, so that a typo stops the job before it starts instead of failing every statement.
   */
  public static String dialect(String name) {
    try {
      Dialects.byName(name);
      return name;
    } catch (UnknownDialectException e) {
      throw new IllegalArgumentException("--dialect: " + e.getMessage(), e);
    }
  }

  /**
   * The value of a time flag ({@code --from}, {@code --to}): an ISO-8601 time, a date ({@code
   * 2024-05-01}, midnight UTC), or epoch seconds/millis. A value that is none of them is a usage
   * error repeating it as typed and naming the accepted formats.
   */
  public static Instant parseTime(String flag, String value) {
    String text = value.trim();
    if (text.length() == 10 && text.charAt(4) == '-') {
      text = text + "T00:00:00Z";
    }
    try {
      return Instant.ofEpochMilli(StartTimes.parseMillis(text));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          flag + " '" + value + "' is not a valid time; use " + TIME_FORMATS, e);
    }
  }

  private static Instant time(ParameterTool p, String name) {
    return p.has(name) ? parseTime("--" + name, p.get(name)) : null;
  }
}
