package io.tributary.connectors.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.Integration;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.sql.json.InvalidJsonInputException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Imports a catalog file into the store: the catalog JSON of {@code analyze --catalog} ({@code
 * {"integration": {"title", "type"}, "tables": [...]}}, the integration optional), or JSON Lines
 * whose lines are such catalogs or single table objects. A line holding only {@code "integration"}
 * sets it for the lines after it; a table line may carry its own.
 *
 * <p>A table is {@code {"database_name", "schema_name", "title", "entity_type": "table"|"view",
 * "native_type", "columns": [{"title", "type", "native_type"}]}}. Re-importing updates resources in
 * place (their ids are name-based), never duplicates them. Tables without an integration get the
 * same ids as tables discovered in queries, so importing them turns discovered tables into catalog
 * tables without losing their edges.
 */
public final class CatalogImport {

  private final LineageStore store;
  private final ObjectMapper mapper;

  public CatalogImport(LineageStore store, ObjectMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  public CatalogWriter.Summary run(Reader in) throws IOException {
    Optional<UUID> integration = Optional.empty();
    try (CatalogWriter writer = new CatalogWriter(store.resources());
        MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(in)) {
      int index = 0;
      while (hasNext(values)) {
        JsonLocation where = values.getCurrentLocation();
        JsonNode value = next(values);
        index++;
        String at = "value " + index + " (line " + where.getLineNr() + ")";
        if (!value.isObject()) {
          throw new InvalidJsonInputException(at + " is not a JSON object");
        }
        Optional<UUID> own = integration(value.get("integration"), at);
        if (value.has("tables")) {
          JsonNode tables = value.get("tables");
          if (!tables.isArray()) {
            throw new InvalidJsonInputException(at + ": \"tables\" must be an array");
          }
          Optional<UUID> forTables = own.isPresent() ? own : integration;
          for (int i = 0; i < tables.size(); i++) {
            writer.add(entry(tables.get(i), forTables, at + " tables[" + i + "]"));
          }
        } else if (value.has("title")) {
          writer.add(entry(value, own.isPresent() ? own : integration, at));
        } else if (own.isPresent()) {
          integration = own;
        } else {
          throw new InvalidJsonInputException(
              at + " has neither \"tables\", \"title\" nor \"integration\"");
        }
      }
      writer.flush();
      return writer.summary();
    }
  }

  private static boolean hasNext(MappingIterator<JsonNode> values) throws IOException {
    try {
      return values.hasNextValue();
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  private static JsonNode next(MappingIterator<JsonNode> values) throws IOException {
    try {
      return values.nextValue();
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  private static InvalidJsonInputException invalid(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    return new InvalidJsonInputException("not valid JSON" + where + ": " + e.getOriginalMessage());
  }

  private Optional<UUID> integration(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String title = text(node, "title");
    String type = text(node, "type");
    if (title == null || type == null) {
      throw new InvalidJsonInputException(at + ": \"integration\" needs \"title\" and \"type\"");
    }
    Integration integration = store.resources().upsertIntegration(title, type);
    return Optional.of(integration.id());
  }

  private static CatalogEntry entry(JsonNode table, Optional<UUID> integration, String at) {
    String title = text(table, "title");
    if (title == null || title.isBlank()) {
      throw new InvalidJsonInputException(at + " has no \"title\"");
    }
    String kind = text(table, "entity_type");
    EntityType entityType =
        kind == null
            ? EntityType.TABLE
            : EntityType.byName(kind)
                .filter(t -> t != EntityType.COLUMN)
                .orElseThrow(
                    () ->
                        new InvalidJsonInputException(
                            at + ": entity_type must be \"table\" or \"view\", not " + kind));
    ResourceRow row =
        ResourceRow.table(
            integration,
            Optional.ofNullable(blankToNull(text(table, "database_name"))),
            Optional.ofNullable(blankToNull(text(table, "schema_name"))),
            title,
            entityType,
            Optional.ofNullable(text(table, "native_type")),
            false);
    List<ResourceRow> columns = new ArrayList<>();
    JsonNode cols = table.path("columns");
    for (int c = 0; c < cols.size(); c++) {
      String name = text(cols.get(c), "title");
      if (name == null || name.isBlank()) {
        throw new InvalidJsonInputException(at + ".columns[" + c + "] has no \"title\"");
      }
      columns.add(
          ResourceRow.column(
              row,
              name,
              Optional.ofNullable(text(cols.get(c), "type")),
              Optional.ofNullable(text(cols.get(c), "native_type")),
              OptionalInt.of(c + 1),
              false));
    }
    return new CatalogEntry(row, columns);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
