package io.tributary.cli;

import io.tributary.jobs.workload.WorkloadGenerator;
import io.tributary.jobs.workload.WorkloadMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tributary generate}: a synthetic warehouse query log with its known lineage. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic warehouse query log (JSON Lines): daily ETL over raw -> staging ->",
      "marts tables, dashboards, session noise and a few broken statements; with the catalog",
      "of its tables and the edges a correct backfill stores. --distinct and --truncated add",
      "ad-hoc queries of new shapes in several dialects, statements cut at a history table's",
      "4,000-character limit, and a daily temp-table session sent as one script."
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "10000",
      description = "Log rows (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--rows-per-day",
      defaultValue = "500",
      description = "Rows per simulated day (default ${DEFAULT-VALUE}).")
  int rowsPerDay;

  @Option(
      names = "--distinct",
      defaultValue = "0",
      description =
          "Share of rows that are distinct statements, e.g. 0.1 (default ${DEFAULT-VALUE}:"
              + " the ETL, dashboards and noise only, about 30 distinct statements).")
  double distinct;

  @Option(
      names = "--truncated",
      defaultValue = "0",
      description = "Share of rows cut at 4,000 characters, e.g. 0.05 (default ${DEFAULT-VALUE}).")
  double truncated;

  @Option(names = "--out", required = true, description = "The log file to write.")
  Path out;

  @Option(names = "--catalog-out", description = "Where to write the catalog JSON.")
  Path catalogOut;

  @Option(names = "--truth-out", description = "Where to write the expected edges JSON.")
  Path truthOut;

  @Override
  public Integer call() throws Exception {
    WorkloadMix mix;
    try {
      mix = new WorkloadMix(distinct, truncated);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--distinct and --truncated: " + e.getMessage());
    }
    WorkloadGenerator.Written w = new WorkloadGenerator(rows, seed, rowsPerDay, mix).write(out);
    if (catalogOut != null) {
      Files.writeString(catalogOut, WorkloadGenerator.catalogJson());
    }
    if (truthOut != null) {
      Files.writeString(truthOut, WorkloadGenerator.expectedEdgesJson(mix));
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%,d rows over %,d days: %,d ETL statements, %,d broken, %,d failed in the warehouse,"
                + " %,d ad-hoc queries, %,d truncated rows (%,d distinct statements)%n",
            w.rows(),
            w.days(),
            w.etlRows(),
            w.brokenRows(),
            w.failedRows(),
            w.adHocRows(),
            w.truncatedRows(),
            w.truncatedStatements());
    return 0;
  }
}
