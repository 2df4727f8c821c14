package io.tributary.cli;

import io.tributary.api.ApiConfig;
import io.tributary.api.LineageApi;
import io.tributary.connectors.store.LineageStore;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary serve}: the Lineage API over the store, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the Lineage API (Secoda-compatible) over the lineage store.",
      "Migrates the store's schema on start. Requests need a bearer token from"
          + " `tributary token create`."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOption store;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--max-body-bytes",
      defaultValue = "1048576",
      description = "Larger request bodies get 413 (default: ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(
      names = "--max-sql-chars",
      defaultValue = "100000",
      description = "Longer SQL gets 413 (default: ${DEFAULT-VALUE}).")
  int maxSqlChars;

  @Option(
      names = "--max-graph-depth",
      defaultValue = "10",
      description = "Deepest /lineage/graph walk (default: ${DEFAULT-VALUE}).")
  int maxGraphDepth;

  @Option(
      names = "--pool-size",
      defaultValue = "16",
      description = "Store connections (default: ${DEFAULT-VALUE}).")
  int poolSize;

  @Option(
      names = "--catalog-max-age",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description =
          "How old the name-resolution catalog may get before it is reloaded in the background"
              + " (default: ${DEFAULT-VALUE}).")
  Duration catalogMaxAge;

  @Option(
      names = "--body-timeout",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description =
          "How long a request body may stall before the request is a 400; also how long an idle"
              + " connection is kept open (default: ${DEFAULT-VALUE}).")
  Duration bodyTimeout;

  @Override
  public Integer call() {
    ApiConfig config =
        ApiConfig.builder()
            .host(host)
            .port(port)
            .maxBodyBytes(maxBodyBytes)
            .maxSqlChars(maxSqlChars)
            .defaultGraphDepth(Math.min(ApiConfig.defaults().defaultGraphDepth(), maxGraphDepth))
            .maxGraphDepth(maxGraphDepth)
            .catalogMaxAge(catalogMaxAge)
            .bodyReadTimeout(bodyTimeout)
            .build();
    // Requests waiting 30 s for a connection to a store that is down would hold server threads:
    // after 5 s they get a 503.
    LineageStore lineageStore = store.open(poolSize, Duration.ofSeconds(5));
    LineageApi api;
    try {
      api = LineageApi.start(lineageStore, config);
    } catch (RuntimeException e) {
      lineageStore.close();
      throw e;
    }
    AtomicBoolean closed = new AtomicBoolean();
    Runnable close =
        () -> {
          if (closed.compareAndSet(false, true)) {
            api.close();
            lineageStore.close();
          }
        };
    Thread hook = new Thread(close, "tributary-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    spec.commandLine()
        .getErr()
        .println("tributary: Lineage API on http://" + host + ":" + api.port() + " (Ctrl-C stops)");
    spec.commandLine().getErr().flush();
    try {
      new CountDownLatch(1).await(); // until the process is stopped or this thread interrupted
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      close.run();
    }
    return 0;
  }
}
