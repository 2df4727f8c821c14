package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.AnalyzerLimits;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.InMemoryCatalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.json.BatchAnalysis;
import io.tributary.sql.json.CatalogJson;
import io.tributary.sql.json.LineageJson;
import io.tributary.sql.session.SessionStitcher;
import io.tributary.sql.session.TemporaryTableRule;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary analyze}: SQL in, lineage JSON out, one statement, a script or a batch. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyzes SQL into table and column lineage and prints JSON.",
      "SQL comes from the argument, from -f FILE, or from stdin. With --batch, stdin (or -f)",
      "holds JSON Lines {\"id\", \"sql\", \"dialect\", \"default_database\", \"default_schema\","
          + " \"catalog\"} and every line gets its own output lines."
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--dialect",
      description =
          "SQL dialect: postgresql, snowflake, bigquery, tsql, ... (required unless --batch)")
  String dialect;

  @Option(names = "--default-database", description = "Database for unqualified tables.")
  String defaultDatabase;

  @Option(names = "--default-schema", description = "Schema for unqualified tables.")
  String defaultSchema;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "Catalog JSON {\"tables\": [{\"database_name\", \"schema_name\", \"title\","
              + " \"columns\": [{\"title\", \"type\"}]}]} to expand * and place columns.")
  Path catalogFile;

  @Option(
      names = "--keep-temporary-tables",
      description =
          "Report temporary tables as tables (for debugging). By default a script is one session:"
              + " lineage is stitched through its temporary tables, which are left out.")
  boolean keepTemporaryTables;

  @Option(
      names = "--temporary-name",
      paramLabel = "REGEX",
      description =
          "A table whose name matches REGEX (whole, ignoring case) is temporary, besides #names"
              + " and TEMP tables; repeatable (default: dbt's .*__dbt_tmp.* and"
              + " .*__dbt_backup.*).")
  List<String> temporaryNames;

  @Option(names = "--batch", description = "JSON Lines in, JSON Lines out.")
  boolean batch;

  @Option(names = "--pretty", description = "Indent the JSON (not with --batch).")
  boolean pretty;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Read SQL (or, with --batch, JSON Lines) from FILE.")
  Path file;

  @Option(
      names = "--timeout",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Longest time one statement may take (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--max-statement-chars",
      defaultValue = "1000000",
      description = "Longer statements are rejected (default: ${DEFAULT-VALUE}).")
  int maxStatementChars;

  @Parameters(arity = "0..1", paramLabel = "SQL", description = "The SQL text.")
  String sql;

  @Override
  public Integer call() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    LineageAnalyzer analyzer = new LineageAnalyzer(new AnalyzerLimits(timeout, maxStatementChars));
    Optional<Dialect> chosen = Optional.ofNullable(dialect).map(Dialects::byName);
    Catalog catalog = catalogFile == null ? Catalog.empty() : readCatalog(mapper, chosen);
    PrintWriter out = spec.commandLine().getOut();
    if (batch) {
      if (sql != null) {
        throw new ParameterException(
            spec.commandLine(), "--batch reads stdin or -f, not an SQL argument");
      }
      try (InputStream in = input();
          BufferedWriter writer = new BufferedWriter(out)) {
        new BatchAnalysis(analyzer, mapper, catalog, chosen, InMemoryCatalog::of, sessions())
            .run(in, writer);
      }
      return 0;
    }
    Dialect d =
        chosen.orElseThrow(
            () -> new ParameterException(spec.commandLine(), "--dialect is required"));
    String text = sql != null ? sql : readAll();
    AnalysisRequest request =
        new AnalysisRequest(
            text,
            d,
            Optional.ofNullable(defaultDatabase),
            Optional.ofNullable(defaultSchema),
            catalog);
    Optional<TemporaryTableRule> sessions = sessions();
    var statements =
        sessions.isPresent()
            ? analyzer.analyze(request, new SessionStitcher(sessions.get()))
            : analyzer.analyze(request);
    ObjectWriter writer = pretty ? mapper.writerWithDefaultPrettyPrinter() : mapper.writer();
    for (var node : LineageJson.outputs(null, statements)) {
      out.println(writer.writeValueAsString(node));
    }
    out.flush();
    return 0;
  }

  /** How a script is stitched through its temporary tables; empty with --keep-temporary-tables. */
  private Optional<TemporaryTableRule> sessions() {
    if (keepTemporaryTables) {
      return Optional.empty();
    }
    if (temporaryNames == null || temporaryNames.isEmpty()) {
      return Optional.of(TemporaryTableRule.defaults());
    }
    try {
      return Optional.of(TemporaryTableRule.of(temporaryNames));
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new ParameterException(
          spec.commandLine(), "--temporary-name is not a regular expression: " + e.getMessage());
    }
  }

  private Catalog readCatalog(ObjectMapper mapper, Optional<Dialect> chosen) throws IOException {
    JsonNode json = mapper.readTree(catalogFile.toFile());
    return InMemoryCatalog.of(CatalogJson.tables(json), chosen.orElse(Dialects.ANSI));
  }

  private InputStream input() throws IOException {
    return new BufferedInputStream(file != null ? Files.newInputStream(file) : System.in);
  }

  private String readAll() throws IOException {
    if (file != null) {
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
