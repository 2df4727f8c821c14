package io.tributary.jobs;

import static io.tributary.jobs.JobFlags.*;

import io.tributary.connectors.source.StartTimes;
import io.tributary.connectors.source.file.QueryLogFormat;
import io.tributary.connectors.source.jdbc.QueryHistoryPreset;
import io.tributary.connectors.store.LineageStore;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.UnknownDialectException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.MultipleParameterTool;
import org.apache.flink.util.ParameterTool;

/**
 * Reads the flags of {@link BackfillJob} and {@link StreamingJob} ({@code --name value}), as {@link
 * JobFlags} defines them: the one reader of job flags, for the jobs' {@code main} and the command
 * line alike.
 */
public final class JobArguments {

  /** Every value of each flag, for the repeatable ones. */
  private final MultipleParameterTool params;

  /** The last value of each flag, typed by {@link JobFlags}. */
  private final Configuration flags;

  private JobArguments(String[] args) {
    this.params = MultipleParameterTool.fromArgs(args);
    this.flags = ParameterTool.fromArgs(args).getConfiguration();
  }

  public static JobSettings parse(String[] args, boolean streaming) {
    return new JobArguments(args).settings(streaming);
  }

  private JobSettings settings(boolean streaming) {
    QuerySourceSpec source = source();
    Optional<String> dialect = optional(DIALECT).map(JobArguments::dialect);
    PipelineOptions options =
        PipelineOptions.defaults(dialect.orElseGet(() -> source.dialect("ansi")))
            .withRange(time(FROM), time(TO))
            .withRegisterDiscovered(!params.has(NO_DISCOVER.key()))
            .withStatsFlushInterval(flags.get(STATS_INTERVAL));
    if (flags.contains(ANALYSIS_TIMEOUT)) {
      options = options.withAnalysisTimeout(flags.get(ANALYSIS_TIMEOUT));
    }
    if (streaming) {
      options =
          options
              .withStateTtl(flags.get(STATE_TTL))
              .withEdgeRefreshInterval(flags.get(EDGE_REFRESH));
    }
    return JobSettings.builder(
            source, options, LineageStore.resolveUrl(optional(STORE), System.getenv()))
        .parallelism(flags.get(PARALLELISM))
        .checkpointInterval(flags.get(CHECKPOINT_INTERVAL))
        .restartAttempts(flags.get(RESTART_ATTEMPTS))
        .restartDelay(flags.get(RESTART_DELAY))
        .openLineage(
            OpenLineageArguments.parse(
                orNull(OPENLINEAGE_URL),
                orNull(OPENLINEAGE_API_KEY),
                orNull(OPENLINEAGE_FILE),
                all(OPENLINEAGE_DATASET_NAMESPACE)))
        .build();
  }

  private QuerySourceSpec source() {
    String kind = required(SOURCE).toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "files" ->
          new QuerySourceSpec.Files(
              List.of(required(PATH).split(",")),
              optional(FORMAT).map(QueryLogFormat::byName).orElse(null),
              flags.get(MONITOR_INTERVAL));
      case "jdbc" ->
          new QuerySourceSpec.Jdbc(
              required(JDBC_URL),
              orNull(JDBC_USER),
              orNull(JDBC_PASSWORD),
              QueryHistoryPreset.byName(flags.get(PRESET)),
              orNull(TABLE),
              orNull(ORIGIN),
              flags.get(SLICE),
              flags.get(WINDOW),
              orNull(LATENESS),
              flags.get(POLL_INTERVAL));
      case "pg-csvlog" ->
          new QuerySourceSpec.PostgresCsvLog(
              required(PATH), flags.get(DEFAULT_SCHEMA), flags.get(MONITOR_INTERVAL));
      case "kafka" ->
          new QuerySourceSpec.Kafka(
              orNull(BOOTSTRAP_SERVERS),
              optional(TOPIC).map(t -> List.of(t.split(","))).orElse(List.of()),
              orNull(TOPIC_PATTERN),
              flags.get(GROUP_ID),
              KafkaArguments.properties(
                  optional(KAFKA_PROPERTIES_FILE).map(Path::of).orElse(null), all(KAFKA_PROPERTY)),
              orNull(LATENESS));
      default ->
          throw new IllegalArgumentException(
              "unknown --source '" + kind + "' (files, jdbc, pg-csvlog, kafka)");
    };
  }

  private <T> Optional<T> optional(ConfigOption<T> flag) {
    return flags.getOptional(flag);
  }

  private <T> T orNull(ConfigOption<T> flag) {
    return flags.getOptional(flag).orElse(null);
  }

  private String required(ConfigOption<String> flag) {
    return optional(flag)
        .filter(v -> !v.isBlank())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--"
                        + flag.key()
                        + " is required"
                        + (flag == SOURCE ? "" : " for this --source")));
  }

  /** Every value of a repeatable flag, in order. */
  private Collection<String> all(ConfigOption<String> flag) {
    return params.has(flag.key()) ? params.getMultiParameter(flag.key()) : List.of();
  }

  private Instant time(ConfigOption<String> flag) {
    return optional(flag).map(v -> parseTime("--" + flag.key(), v)).orElse(null);
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
}
