package io.tributary.cli;

import io.tributary.jobs.JobSettings;
import io.tributary.jobs.LocalRunner;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * What {@code backfill} and {@code stream} add to the job's flags when they run it in this process:
 * a catalog file to import first and the Flink dashboard.
 */
final class LocalRunOptions {

  @Option(
      names = "--catalog",
      description =
          "A catalog JSON file (the analyze --catalog shape) to import into the store first.")
  Path catalog;

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
}
