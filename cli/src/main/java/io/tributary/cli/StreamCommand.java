package io.tributary.cli;

import io.tributary.jobs.JobSettings;
import io.tributary.jobs.LocalRunner;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Override
  public Integer call() throws Exception {
    JobSettings settings = settings();
    LocalRunner runner = options.runner(settings, Duration.ofSeconds(10));
    CatalogPreload.importFile(options.catalog, settings.storeUrl(), spec.commandLine().getErr());
    runner.stream(settings);
    return 0;
  }
}
