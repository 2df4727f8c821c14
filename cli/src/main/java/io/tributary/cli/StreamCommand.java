package io.tributary.cli;

import io.tributary.connectors.store.UnseenRetirement;
import io.tributary.jobs.JobSettings;
import io.tributary.jobs.LocalRunner;
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
    footer = {"", CommandFailureHandler.DEBUG_HELP},
    modelTransformer = JobFlagOptions.Streaming.class)
final class StreamCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LocalRunOptions options = new LocalRunOptions();

  /** The job's settings from the job flags given. */
  JobSettings settings() {
    return JobFlagOptions.settings(spec, true);
  }

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
    JobSettings settings = settings();
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
