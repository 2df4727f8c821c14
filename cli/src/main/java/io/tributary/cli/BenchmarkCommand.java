package io.tributary.cli;

import io.tributary.jobs.JobSettings;
import io.tributary.jobs.JobSummary;
import io.tributary.jobs.LocalRunner;
import io.tributary.jobs.QuerySourceSpec;
import io.tributary.jobs.TaskTimes;
import io.tributary.jobs.pipeline.PipelineOptions;
import io.tributary.jobs.workload.WorkloadGenerator;
import io.tributary.jobs.workload.WorkloadMix;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tributary benchmark-backfill}: generates a log per distinct-statement share, backfills
 * each into a store and reports rows and analyzed statements per second, and where the time went.
 */
@Command(
    name = "benchmark-backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Generates synthetic query logs (one per --distinct share), backfills each into the store",
      "on a mini cluster and reports rows/s and analyzed statements/s, end to end, and each",
      "task's busy, back-pressured and idle time from Flink's task metrics. Use an empty store:",
      "it imports the logs' catalog first; runs after the first find the ETL's edges stored."
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

  @Option(
      names = "--distinct",
      split = ",",
      defaultValue = "0.01,0.1,0.3",
      description =
          "Shares of distinct statements, one run each (default ${DEFAULT-VALUE}); 0 is the"
              + " ETL-only log of about 30 distinct statements.")
  List<Double> distinct;

  @Option(
      names = "--truncated",
      defaultValue = "0.05",
      description = "Share of rows cut at 4,000 characters (default ${DEFAULT-VALUE}).")
  double truncated;

  @Option(
      names = "--log",
      description = "Backfill this log once instead of generating logs (--distinct is ignored).")
  Path log;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path catalog = Files.createTempFile("tributary-catalog-", ".json");
    Files.writeString(catalog, WorkloadGenerator.catalogJson());
    CatalogPreload.importFile(catalog, store, spec.commandLine().getErr());
    List<String> results = new ArrayList<>();
    try {
      if (log != null) {
        results.add(run(out, log, "the given log"));
      } else {
        for (double share : distinct) {
          WorkloadMix mix = mix(share);
          Path dir = Files.createTempDirectory("tributary-benchmark-");
          Path file = dir.resolve("query-log.jsonl");
          try {
            long t0 = System.nanoTime();
            WorkloadGenerator.Written w = new WorkloadGenerator(rows, 42, 500, mix).write(file);
            out.printf(
                Locale.ROOT,
                "generated %,d rows in %.1f s: %,d ad-hoc queries, %,d truncated rows"
                    + " (%,d distinct)%n",
                w.rows(),
                (System.nanoTime() - t0) / 1e9,
                w.adHocRows(),
                w.truncatedRows(),
                w.truncatedStatements());
            String workload =
                String.format(
                    Locale.ROOT,
                    "%.0f%% distinct, %.0f%% truncated",
                    share * 100,
                    mix.truncated() * 100);
            results.add(run(out, file, workload));
          } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
          }
        }
      }
    } finally {
      Files.deleteIfExists(catalog);
    }
    out.println("summary:");
    results.forEach(out::println);
    return 0;
  }

  private WorkloadMix mix(double share) {
    try {
      return new WorkloadMix(share, share == 0 ? 0 : truncated);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--distinct and --truncated: " + e.getMessage());
    }
  }

  /** One backfill of {@code file}; returns its line of the summary. */
  private String run(PrintWriter out, Path file, String workload) throws Exception {
    String loadBefore = loadAverage();
    TaskTimes.reset();
    long started = System.nanoTime();
    QuerySourceSpec source = new QuerySourceSpec.Files(List.of(file.toString()), null, null);
    JobSettings settings =
        JobSettings.builder(source, PipelineOptions.defaults("postgresql"), store)
            .parallelism(parallelism)
            .restartAttempts(0)
            .build();
    JobSummary summary =
        new LocalRunner(false, System.err, Duration.ofSeconds(5))
            .with(TaskTimes.reporterSettings())
            .backfill(settings);
    double seconds = (System.nanoTime() - started) / 1e9;
    long analyzed = summary.analyzed() + summary.failed();
    out.println(summary.format());
    out.println("where the time went (Flink's accumulated task times):");
    out.print(TaskTimes.format(summary.seconds()));
    String line =
        String.format(
            Locale.ROOT,
            "benchmark [%s]: %,d rows into %s, parallelism %d: job %.1f s (%,.0f rows/s,"
                + " %,.0f analyzed statements/s); from the mini cluster's start %.1f s"
                + " (%,.0f rows/s); load average before %s, after %s",
            workload,
            summary.statements(),
            store.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL",
            parallelism,
            summary.seconds(),
            summary.rowsPerSecond(),
            summary.seconds() <= 0 ? 0 : analyzed / summary.seconds(),
            seconds,
            summary.statements() / seconds,
            loadBefore,
            loadAverage());
    out.println(line);
    out.flush();
    return line;
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them; "?" where unknown. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
