package io.tributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.catalog.CatalogExtract;
import io.tributary.connectors.catalog.CatalogImport;
import io.tributary.connectors.catalog.CatalogWriter;
import io.tributary.connectors.store.LineageStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary catalog}: tables and columns into the lineage store. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Loads tables, views and columns into the lineage store.",
    subcommands = {CatalogCommand.Import.class, CatalogCommand.Extract.class})
final class CatalogCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  static void report(CommandSpec spec, CatalogWriter.Summary summary) {
    spec.commandLine()
        .getErr()
        .println(
            "tributary: "
                + summary.tables()
                + " tables and views, "
                + summary.columns()
                + " columns written");
    spec.commandLine().getErr().flush();
  }

  /** {@code tributary catalog import FILE}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Imports a catalog file: the JSON of `analyze --catalog`",
        "{\"integration\": {\"title\", \"type\"}, \"tables\": [{\"database_name\", \"schema_name\","
            + " \"title\", \"entity_type\", \"columns\": [{\"title\", \"type\"}]}]}",
        "(integration optional), or JSON Lines of such catalogs or single tables.",
        "Importing again updates the resources in place; it never duplicates them."
      })
  static final class Import implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin StoreOption store;

    @Parameters(paramLabel = "FILE", description = "The catalog file; - reads stdin.")
    String file;

    @Override
    public Integer call() throws IOException {
      try (LineageStore s = store.open(2);
          Reader in =
              file.equals("-")
                  ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                  : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
        report(spec, new CatalogImport(s, new ObjectMapper()).run(in));
      }
      return 0;
    }
  }

  /** {@code tributary catalog extract --jdbc-url URL}. */
  @Command(
      name = "extract",
      mixinStandardHelpOptions = true,
      description = {
        "Reads the tables, views and columns of a live database (JDBC metadata) into the store,",
        "under an integration named after the database. PostgreSQL, MySQL and MariaDB drivers"
            + " are included."
      })
  static final class Extract implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin StoreOption store;

    @Option(
        names = "--jdbc-url",
        required = true,
        paramLabel = "URL",
        description = "The database to read, e.g. jdbc:postgresql://host:5432/db?user=u")
    String jdbcUrl;

    @Option(
        names = "--schemas",
        split = ",",
        paramLabel = "SCHEMA",
        description = "Schemas (MySQL/MariaDB: databases) to read; default all but system ones.")
    List<String> schemas = List.of();

    @Option(
        names = "--integration-title",
        description = "Title of the integration (default: product and host).")
    String integrationTitle;

    @Override
    public Integer call() throws SQLException {
      try (LineageStore s = store.open(2)) {
        CatalogWriter.Summary summary =
            new CatalogExtract(s)
                .run(
                    jdbcUrl,
                    new CatalogExtract.Options(schemas, Optional.ofNullable(integrationTitle)));
        report(spec, summary);
      }
      return 0;
    }
  }
}
