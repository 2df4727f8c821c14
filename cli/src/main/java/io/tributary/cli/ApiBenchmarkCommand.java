package io.tributary.cli;

import io.tributary.api.LoadBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tributary benchmark-api}: fills a store with a synthetic warehouse and measures the API's
 * reads at fixed request rates.
 */
@Command(
    name = "benchmark-api",
    mixinStandardHelpOptions = true,
    description = {
      "Fills the store with a synthetic warehouse (reused when it already holds the edges), serves",
      "the API in this process and drives GET by id, the filtered list and a query preview at",
      "each fixed rate (open loop: latency counts from the scheduled time). Prints requests/s,",
      "p50/p90/p99/max latency, this process's CPU time per request and the load average."
    })
final class ApiBenchmarkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOption store;

  @Option(
      names = "--edges",
      defaultValue = "1000000",
      description = "Edge rows, both directions counted (default ${DEFAULT-VALUE}).")
  long edges;

  @Option(
      names = "--tables",
      defaultValue = "5000",
      description = "Tables of 10 columns (default ${DEFAULT-VALUE}).")
  int tables;

  @Option(
      names = "--rate",
      split = ",",
      defaultValue = "200,500",
      description = "Requests per second, one measurement each (default ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "Seconds per endpoint and rate (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "Warm-up seconds per endpoint (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--pool-size",
      defaultValue = "16",
      description = "Store connections, as serve's --pool-size (default ${DEFAULT-VALUE}).")
  int poolSize;

  @Override
  public Integer call() throws Exception {
    LoadBenchmark.Settings settings;
    try {
      settings =
          new LoadBenchmark.Settings(
              store.resolvedUrl(), poolSize, edges, tables, rates, seconds, warmup);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LoadBenchmark.run(settings, spec.commandLine().getOut());
    return 0;
  }
}
