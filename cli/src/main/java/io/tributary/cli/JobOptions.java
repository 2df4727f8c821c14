package io.tributary.cli;

import io.tributary.connectors.source.file.QueryLogFormat;
import io.tributary.connectors.source.jdbc.QueryHistoryPreset;
import io.tributary.connectors.store.LineageStore;
import io.tributary.jobs.JobArguments;
import io.tributary.jobs.JobSettings;
import io.tributary.jobs.LocalRunner;
import io.tributary.jobs.QuerySourceSpec;
import io.tributary.jobs.pipeline.PipelineOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code backfill} and {@code stream} share: the source, the range, the store. */
final class JobOptions {

  @Option(
      names = "--source",
      required = true,
      description = "Where the query history is: files, jdbc, pg-csvlog or kafka.")
  String source;

  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Mixin OpenLineageFlags openLineage = new OpenLineageFlags();

  @Option(
      names = "--path",
      split = ",",
      description = "files, pg-csvlog: a log file or a directory (comma-separated for several).")
  List<String> paths = List.of();

  @Option(names = "--format", description = "files: jsonl or csv (default: from the extension).")
  String format;

  @Option(names = "--jdbc-url", description = "jdbc: the JDBC URL of the query history.")
  String jdbcUrl;

  @Option(names = "--jdbc-user", description = "jdbc: user.")
  String jdbcUser;

  @Option(
      names = "--jdbc-password",
      description = "jdbc: password.",
      arity = "0..1",
      interactive = true)
  String jdbcPassword;

  @Option(
      names = "--preset",
      description =
          "jdbc: snowflake, bigquery, redshift, databricks or postgresql (default postgresql).")
  String preset;

  @Option(
      names = "--table",
      description = "jdbc: the history table or view, instead of the preset's.")
  String table;

  @Option(
      names = "--origin",
      description =
          "jdbc: the name executions are counted under (default: the URL without credentials or"
              + " properties, and the table). Set it when two histories would look alike.")
  String origin;

  @Option(
      names = "--slice",
      converter = DurationConverter.class,
      description = "jdbc backfill: the length of one parallel time slice (default 1h).")
  Duration slice;

  @Option(
      names = "--default-schema",
      description = "pg-csvlog: the schema unqualified names resolve to (default public).")
  String defaultSchema;

  @Option(names = "--from", description = "Start of the time range (ISO-8601, a date, or epoch).")
  String from;

  @Option(names = "--to", description = "End of the time range, exclusive.")
  String to;

  @Option(
      names = "--dialect",
      description =
          "Dialect of statements whose history names none (default: the preset's, else ansi).")
  String dialect;

  @Option(
      names = "--store",
      description =
          "The lineage store's JDBC URL (default: $TRIBUTARY_STORE, else the embedded H2 store).")
  String store;

  @Option(names = "--parallelism", description = "Parallelism of the job (default: CPU cores).")
  int parallelism;

  @Option(
      names = "--analysis-timeout",
      converter = DurationConverter.class,
      description = "The longest one statement's analysis may take (default 10s).")
  Duration analysisTimeout;

  @Option(
      names = "--no-discover",
      description = "Do not register tables and columns the store's catalog does not know.")
  boolean noDiscover;

  @Option(
      names = "--catalog",
      description =
          "A catalog JSON file (the analyze --catalog shape) to import into the store first.")
  java.nio.file.Path catalog;

  @Option(
      names = "--web-ui",
      description = "Serve the Flink dashboard on 127.0.0.1 (port --web-ui-port) while it runs.")
  boolean webUi;

  @Option(
      names = "--web-ui-port",
      paramLabel = "PORT",
      description =
          "The dashboard's port on 127.0.0.1 (default "
              + LocalRunner.WEB_UI_PORT
              + "); implies --web-ui. A port already taken is reported before the job starts.")
  Integer webUiPort;

  /** The local runner these options ask for; checks the inputs and the port before anything. */
  LocalRunner runner(JobSettings settings, Duration progressInterval) {
    LocalRunner runner =
        new LocalRunner(
            webUi || webUiPort != null,
            webUiPort == null ? LocalRunner.WEB_UI_PORT : webUiPort,
            System.err,
            progressInterval);
    runner.checkBeforeStart(settings);
    return runner;
  }

  String storeUrl() {
    return LineageStore.resolveUrl(Optional.ofNullable(store), System.getenv());
  }

  QuerySourceSpec sourceSpec(
      Duration window, Duration lateness, Duration pollInterval, Duration monitor) {
    return switch (source.toLowerCase(Locale.ROOT)) {
      case "files" ->
          new QuerySourceSpec.Files(
              paths, format == null ? null : QueryLogFormat.byName(format), monitor);
      case "jdbc" ->
          new QuerySourceSpec.Jdbc(
              require(jdbcUrl, "--jdbc-url"),
              jdbcUser,
              jdbcPassword,
              preset == null ? null : QueryHistoryPreset.byName(preset),
              table,
              origin,
              slice,
              window,
              lateness,
              pollInterval);
      case "pg-csvlog" ->
          new QuerySourceSpec.PostgresCsvLog(
              paths.isEmpty() ? require(null, "--path") : paths.get(0), defaultSchema, monitor);
      case "kafka" -> kafka.spec();
      default ->
          throw new IllegalArgumentException(
              "unknown --source '" + source + "' (files, jdbc, pg-csvlog, kafka)");
    };
  }

  PipelineOptions pipeline(QuerySourceSpec spec) {
    PipelineOptions options =
        PipelineOptions.defaults(
                dialect != null ? JobArguments.dialect(dialect) : spec.dialect("ansi"))
            .withRange(time("--from", from), time("--to", to))
            .withRegisterDiscovered(!noDiscover);
    return analysisTimeout == null ? options : options.withAnalysisTimeout(analysisTimeout);
  }

  JobSettings settings(QuerySourceSpec spec, PipelineOptions options) {
    return new JobSettings(spec, options, storeUrl(), parallelism, null, 3, null)
        .withOpenLineage(openLineage.options());
  }

  private static Instant time(String flag, String value) {
    return value == null ? null : JobArguments.parseTime(flag, value);
  }

  private static String require(String value, String flag) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(flag + " is required for this --source");
    }
    return value;
  }
}
