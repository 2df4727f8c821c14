package io.tributary.sql.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.UnknownDialectException;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.session.SessionStitcher;
import io.tributary.sql.session.TemporaryTableRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code analyze --batch}: JSON Lines in, JSON Lines out, one input line at a time so the input is
 * never held in memory. A line that is not valid UTF-8 or JSON, lacks {@code sql} or names an
 * unknown dialect gets an output line with an {@code invalid_input} error; the batch goes on.
 */
public final class BatchAnalysis {

  private final LineageAnalyzer analyzer;
  private final ObjectMapper mapper;
  private final Catalog baseCatalog;
  private final Optional<Dialect> defaultDialect;
  private final BiFunction<List<CatalogTable>, Dialect, Catalog> catalogOfTables;
  private final Optional<TemporaryTableRule> sessions;

  /**
   * @param baseCatalog the catalog of {@code --catalog}, used where a line's own catalog does not
   *     know a table
   * @param defaultDialect the dialect of lines that name none
   * @param catalogOfTables builds a catalog from a line's {@code catalog} tables
   * @param sessions how each line's script is stitched through its temporary tables as one session;
   *     empty keeps temporary tables as tables
   */
  public BatchAnalysis(
      LineageAnalyzer analyzer,
      ObjectMapper mapper,
      Catalog baseCatalog,
      Optional<Dialect> defaultDialect,
      BiFunction<List<CatalogTable>, Dialect, Catalog> catalogOfTables,
      Optional<TemporaryTableRule> sessions) {
    this.sessions = sessions;
    this.analyzer = analyzer;
    this.mapper = mapper;
    this.baseCatalog = baseCatalog;
    this.defaultDialect = defaultDialect;
    this.catalogOfTables = catalogOfTables;
  }

  /** Counts of one run. */
  public record Summary(long lines, long outputs, long invalidLines, long failedStatements) {}

  /**
   * Reads {@code in} to its end. Lines are numbered as the file has them (blank lines count) and
   * each line's results are flushed before the next line is read, so the batch works as a
   * coprocess. A line that is not valid UTF-8 is an {@code invalid_input} error, not repaired.
   */
  public Summary run(InputStream in, Writer out) throws IOException {
    long lines = 0, outputs = 0, invalid = 0, failed = 0;
    Utf8Lines input = new Utf8Lines(in);
    long number = 0;
    for (Utf8Lines.Line next = input.next(); next != null; next = input.next()) {
      Utf8Lines.Line line = next;
      long at = ++number;
      if (line.text().map(String::isBlank).orElse(false)) {
        continue;
      }
      lines++;
      List<ObjectNode> results;
      JsonNode json = null;
      try {
        String text =
            line.text()
                .orElseThrow(
                    () ->
                        new InvalidJsonInputException(
                            "line "
                                + at
                                + " is not valid UTF-8 (byte "
                                + (line.malformedAt() + 1)
                                + ")"));
        json = mapper.readTree(text);
        AnalysisRequest request = request(json);
        List<StatementLineage> statements =
            sessions.isPresent()
                ? analyzer.analyze(request, new SessionStitcher(sessions.get()))
                : analyzer.analyze(request);
        failed += statements.stream().filter(StatementLineage::failed).count();
        results = LineageJson.outputs(json.get("id"), statements);
      } catch (JacksonException e) {
        invalid++;
        results =
            List.of(
                invalidInput(
                    null,
                    "line "
                        + at
                        + " is not valid JSON at column "
                        + JsonErrors.column(e)
                        + ": "
                        + JsonErrors.problem(e)));
      } catch (InvalidJsonInputException | UnknownDialectException e) {
        invalid++;
        results = List.of(invalidInput(id(json), e.getMessage()));
      } catch (RuntimeException | StackOverflowError e) {
        // The analyzer promises not to throw; its text is no message for a user.
        failed++;
        results =
            List.of(error(id(json), "internal", "the analyzer failed on this statement (a bug)"));
      }
      for (ObjectNode result : results) {
        out.write(mapper.writeValueAsString(result));
        out.write('\n');
        outputs++;
      }
      out.flush();
    }
    out.flush();
    return new Summary(lines, outputs, invalid, failed);
  }

  private static JsonNode id(JsonNode json) {
    return json == null || !json.isObject() ? null : json.get("id");
  }

  private AnalysisRequest request(JsonNode input) {
    if (!input.isObject()) {
      throw new InvalidJsonInputException("each line must be a JSON object");
    }
    String sql = CatalogJson.text(input, "sql");
    if (sql == null) {
      throw new InvalidJsonInputException("missing \"sql\"");
    }
    String dialectName = CatalogJson.text(input, "dialect");
    Dialect dialect =
        dialectName != null
            ? Dialects.byName(dialectName)
            : defaultDialect.orElseThrow(
                () -> new InvalidJsonInputException("missing \"dialect\" (and no --dialect)"));
    Catalog catalog = baseCatalog;
    JsonNode lineCatalog = input.get("catalog");
    if (lineCatalog != null && !lineCatalog.isNull()) {
      catalog = catalogOfTables.apply(CatalogJson.tables(lineCatalog), dialect).orElse(baseCatalog);
    }
    return new AnalysisRequest(
        sql,
        dialect,
        Optional.ofNullable(CatalogJson.text(input, "default_database")),
        Optional.ofNullable(CatalogJson.text(input, "default_schema")),
        catalog);
  }

  private ObjectNode invalidInput(JsonNode id, String message) {
    return error(id, "invalid_input", message);
  }

  private ObjectNode error(JsonNode id, String kind, String message) {
    ObjectNode node = mapper.createObjectNode();
    node.set("id", id);
    node.putArray("source_tables");
    node.putNull("target_table");
    node.putArray("column_lineages");
    node.putArray("warnings");
    ObjectNode error = node.putObject("error");
    error.put("kind", kind);
    error.put("message", message);
    error.putNull("line");
    error.putNull("column");
    return node;
  }
}
