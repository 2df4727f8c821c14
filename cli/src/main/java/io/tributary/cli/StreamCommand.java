package io.tributary.cli;

import io.tributary.connectors.store.UnseenRetirement;
import io.tributary.jobs.JobSettings;
import io.tributary.jobs.LocalRunner;
import io.tributary.jobs.QuerySourceSpec;
import io.tributary.jobs.pipeline.PipelineOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tributary stream}: follows a query history and keeps the store's lineage current. */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Follows a query history without end: new files in a directory, new rows of a JDBC",
      "history table, new PostgreSQL csvlog files, new Kafka records. Checkpoints regularly and",
      "restarts on failure.",
      "Runs on a Flink mini cluster in this process until stopped (Ctrl-C)."
    },
    footer = {"", CommandFailureHandler.DEBUG_HELP})
final class StreamCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin JobOptions options = new JobOptions();

  @Option(
      names = "--checkpoint-interval",
      converter = DurationConverter.class,
      defaultValue = "10s",
      description = "How often to checkpoint (default ${DEFAULT-VALUE}).")
  Duration checkpointInterval;

  @Option(
      names = "--restart-attempts",
      defaultValue = "3",
      description = "Restarts after a failure before giving up (default ${DEFAULT-VALUE}).")
  int restartAttempts;

  @Option(
      names = "--restart-delay",
      converter = DurationConverter.class,
      defaultValue = "10s",
      description = "Pause before a restart (default ${DEFAULT-VALUE}).")
  Duration restartDelay;

  @Option(
      names = "--state-ttl",
      converter = DurationConverter.class,
      defaultValue = "1d",
      description =
          "How long statements and edges are remembered before re-analysis (default ${DEFAULT-VALUE}).")
  Duration stateTtl;

  @Option(
      names = "--edge-refresh",
      converter = DurationConverter.class,
      defaultValue = "1h",
      description =
          "A statement seen again this much after its edges were last written writes them again,"
              + " so their last_seen follows (default ${DEFAULT-VALUE}).")
  Duration edgeRefresh;

  @Option(
      names = "--monitor-interval",
      converter = DurationConverter.class,
      description = "files, pg-csvlog: how often to look for new files (default 5s).")
  Duration monitorInterval;

  @Option(
      names = "--window",
      converter = DurationConverter.class,
      description = "jdbc: the length of one polled time window (default 10s).")
  Duration window;

  @Option(
      names = "--lateness",
      converter = DurationConverter.class,
      description =
          "jdbc: how long after its end a window is read, for rows written late (default 5s).")
  Duration lateness;

  @Option(
      names = "--poll-interval",
      converter = DurationConverter.class,
      description = "jdbc: how often to look for windows ready to read (default 1s).")
  Duration pollInterval;

  @Option(
      names = "--retire-after",
      converter = DurationConverter.class,
      paramLabel = "PERIOD",
      description =
          "Retire derived edges not seen for this long (e.g. 90d) before the newest activity on"
              + " their target's table, as the stream goes (default: never).")
  Duration retireAfter;

  @Option(
      names = "--retire-every",
      converter = DurationConverter.class,
      defaultValue = "1h",
      description =
          "With --retire-after: how often to look for unseen edges (default ${DEFAULT-VALUE}).")
  Duration retireEvery;

  @Override
  public Integer call() throws Exception {
    QuerySourceSpec source = options.sourceSpec(window, lateness, pollInterval, monitorInterval);
    PipelineOptions pipeline =
        options
            .pipeline(source)
            .withStateTtl(stateTtl)
            .withEdgeRefreshInterval(edgeRefresh)
            .withStatsFlushInterval(Duration.ofSeconds(10));
    JobSettings base = options.settings(source, pipeline);
    JobSettings settings =
        new JobSettings(
            base.source(),
            base.pipeline(),
            base.storeUrl(),
            base.parallelism(),
            checkpointInterval,
            restartAttempts,
            restartDelay,
            base.openLineage());
    LocalRunner runner = options.runner(settings, Duration.ofSeconds(10));
    CatalogPreload.importFile(options.catalog, settings.storeUrl(), spec.commandLine().getErr());
    if (retireAfter == null) {
      runner.stream(settings);
      return 0;
    }
    if (retireAfter.isZero()
        || retireAfter.isNegative()
        || retireEvery.isZero()
        || retireEvery.isNegative()) {
      throw new ParameterException(
          spec.commandLine(), "--retire-after and --retire-every must be positive periods");
    }
    PrintWriter err = spec.commandLine().getErr();
    try (UnseenRetirement retirement =
        UnseenRetirement.start(
            settings.storeUrl(),
            retireAfter,
            retireEvery,
            message -> {
              synchronized (err) {
                err.println(message);
                err.flush();
              }
            })) {
      runner.stream(settings);
    }
    return 0;
  }
}
