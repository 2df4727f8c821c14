package io.tributary.cli;

import io.tributary.jobs.JobSettings;
import io.tributary.jobs.JobSummary;
import io.tributary.jobs.LocalRunner;
import io.tributary.jobs.QuerySourceSpec;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.workload.WorkloadGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary benchmark-backfill}: generates a log, backfills it into a store and reports rows
 * per second of the whole backfill (job submission to the last write).
 */
@Command(
    name = "benchmark-backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic query log, backfills it into the store on a mini cluster and",
      "reports rows/s end to end. Use an empty store: it imports the log's catalog first."
    })
final class BenchmarkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Log rows (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--store", required = true, description = "The lineage store's JDBC URL.")
  String store;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Job parallelism (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--log", description = "Reuse this generated log instead of writing a new one.")
  Path log;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path file = log;
    Path dir = null;
    if (file == null) {
      dir = Files.createTempDirectory("tributary-benchmark-");
      file = dir.resolve("query-log.jsonl");
      long t0 = System.nanoTime();
      new WorkloadGenerator(rows, 42).write(file);
      out.printf(
          Locale.ROOT, "generated %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }
    long started = System.nanoTime();
    Path catalog = Files.createTempFile("tributary-catalog-", ".json");
    Files.writeString(catalog, WorkloadGenerator.catalogJson());
    CatalogPreload.importFile(catalog, store, spec.commandLine().getErr());
    QuerySourceSpec source = new QuerySourceSpec.Files(List.of(file.toString()), null, null);
    JobSettings settings =
        new JobSettings(
            source, PipelineOptions.defaults("postgresql"), store, parallelism, null, 0, null);
    JobSummary summary =
        new LocalRunner(false, System.err, Duration.ofSeconds(5)).backfill(settings);
    double seconds = (System.nanoTime() - started) / 1e9;
    out.println(summary.format());
    out.printf(
        Locale.ROOT,
        "benchmark: %,d rows into %s, parallelism %d: job %.1f s (%,.0f rows/s);"
            + " whole command without generation %.1f s (%,.0f rows/s)%n",
        summary.statements(),
        store.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL",
        parallelism,
        summary.seconds(),
        summary.rowsPerSecond(),
        seconds,
        summary.statements() / seconds);
    Files.deleteIfExists(catalog);
    if (dir != null) {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
    return 0;
  }
}
