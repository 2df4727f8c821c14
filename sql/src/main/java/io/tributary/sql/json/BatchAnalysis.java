package io.tributary.sql.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.StatementLineage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code analyze --batch}: JSON Lines in, JSON Lines out, one input line at a time so the input is
 * never held in memory. A line that is not valid JSON or lacks {@code sql} gets an output line with
 * an {@code invalid_input} error; the batch goes on.
 */
public final class BatchAnalysis {

  private final LineageAnalyzer analyzer;
  private final ObjectMapper mapper;
  private final Catalog baseCatalog;
  private final Optional<Dialect> defaultDialect;
  private final BiFunction<List<CatalogTable>, Dialect, Catalog> catalogOfTables;

  /**
   * @param baseCatalog the catalog of {@code --catalog}, used where a line's own catalog does not
   *     know a table
   * @param defaultDialect the dialect of lines that name none
   * @param catalogOfTables builds a catalog from a line's {@code catalog} tables
   */
  public BatchAnalysis(
      LineageAnalyzer analyzer,
      ObjectMapper mapper,
      Catalog baseCatalog,
      Optional<Dialect> defaultDialect,
      BiFunction<List<CatalogTable>, Dialect, Catalog> catalogOfTables) {
    this.analyzer = analyzer;
    this.mapper = mapper;
    this.baseCatalog = baseCatalog;
    this.defaultDialect = defaultDialect;
    this.catalogOfTables = catalogOfTables;
  }

  /** Counts of one run. */
  public record Summary(long lines, long outputs, long invalidLines, long failedStatements) {}

  public Summary run(BufferedReader in, Writer out) throws IOException {
    long lines = 0, outputs = 0, invalid = 0, failed = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      lines++;
      List<ObjectNode> results;
      JsonNode input = null;
      try {
        input = mapper.readTree(line);
        List<StatementLineage> statements = analyzer.analyze(request(input));
        failed += statements.stream().filter(StatementLineage::failed).count();
        results = LineageJson.outputs(input.get("id"), statements);
      } catch (JsonProcessingException e) {
        invalid++;
        results =
            List.of(
                invalidInput(
                    null, "line " + lines + " is not valid JSON: " + e.getOriginalMessage()));
      } catch (IllegalArgumentException e) {
        invalid++;
        results = List.of(invalidInput(input == null ? null : input.get("id"), e.getMessage()));
      }
      for (ObjectNode result : results) {
        out.write(mapper.writeValueAsString(result));
        out.write('\n');
        outputs++;
      }
    }
    out.flush();
    return new Summary(lines, outputs, invalid, failed);
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
    ObjectNode node = mapper.createObjectNode();
    node.set("id", id);
    node.putArray("source_tables");
    node.putNull("target_table");
    node.putArray("column_lineages");
    node.putArray("warnings");
    ObjectNode error = node.putObject("error");
    error.put("kind", "invalid_input");
    error.put("message", message);
    error.putNull("line");
    error.putNull("column");
    return node;
  }
}
