package io.tributary.cli;

import io.tributary.connectors.store.LineageStore;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by the commands that open the lineage store. */
final class StoreOption {

  @Option(
      names = "--store",
      paramLabel = "JDBC_URL",
      description =
          "Lineage store: jdbc:postgresql://... or jdbc:h2:... (default: $TRIBUTARY_STORE, else an"
              + " H2 file store in $TRIBUTARY_DATA_DIR or ./data/tributary).")
  String url;

  String resolvedUrl() {
    return LineageStore.resolveUrl(Optional.ofNullable(url), System.getenv());
  }

  LineageStore open(int poolSize) {
    return LineageStore.open(resolvedUrl(), poolSize);
  }

  LineageStore open(int poolSize, Duration connectionTimeout) {
    return LineageStore.open(resolvedUrl(), poolSize, connectionTimeout);
  }
}
