package io.tributary.cli;

import io.tributary.jobs.workload.WorkloadGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary generate}: a synthetic warehouse query log with its known lineage. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic warehouse query log (JSON Lines): daily ETL over raw -> staging ->",
      "marts tables, dashboards, session noise and a few broken statements; with the catalog",
      "of its tables and the edges a correct backfill stores."
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

  @Option(names = "--out", required = true, description = "The log file to write.")
  Path out;

  @Option(names = "--catalog-out", description = "Where to write the catalog JSON.")
  Path catalogOut;

  @Option(names = "--truth-out", description = "Where to write the expected edges JSON.")
  Path truthOut;

  @Override
  public Integer call() throws Exception {
    WorkloadGenerator.Written w = new WorkloadGenerator(rows, seed, rowsPerDay).write(out);
    if (catalogOut != null) {
      Files.writeString(catalogOut, WorkloadGenerator.catalogJson());
    }
    if (truthOut != null) {
      Files.writeString(truthOut, WorkloadGenerator.expectedEdgesJson());
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%,d rows over %,d days: %,d ETL statements, %,d broken, %,d failed in the warehouse%n",
            w.rows(), w.days(), w.etlRows(), w.brokenRows(), w.failedRows());
    return 0;
  }
}
