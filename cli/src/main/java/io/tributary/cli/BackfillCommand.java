package io.tributary.cli;

import io.tributary.jobs.JobSettings;
import io.tributary.jobs.JobSummary;
import io.tributary.jobs.LocalRunner;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tributary backfill}: a bounded query history into the lineage store, on a mini cluster.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a query history once (files, a JDBC history table, PostgreSQL csvlog files or Kafka),",
      "analyzes every distinct statement and writes table and column lineage into the store.",
      "Runs on a Flink mini cluster in this process; prints progress and a summary."
    },
    footer = {"", CommandFailureHandler.DEBUG_HELP},
    modelTransformer = JobFlagOptions.Backfill.class)
final class BackfillCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LocalRunOptions options = new LocalRunOptions();

  /** The job's settings from the job flags given. */
  JobSettings settings() {
    return JobFlagOptions.settings(spec, false);
  }

  @Override
  public Integer call() throws Exception {
    JobSettings settings = settings();
    LocalRunner runner = options.runner(settings, Duration.ofSeconds(2));
    CatalogPreload.importFile(options.catalog, settings.storeUrl(), spec.commandLine().getErr());
    JobSummary summary = runner.backfill(settings);
    spec.commandLine().getOut().println(summary.format());
    spec.commandLine().getOut().flush();
    runner.keepDashboardUntilStopped();
    return 0;
  }
}
