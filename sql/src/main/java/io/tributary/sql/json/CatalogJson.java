package io.tributary.sql.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the catalog shape shared by {@code analyze --catalog}, batch lines and {@code catalog
 * import}: {@code {"tables": [{"database_name", "schema_name", "title", "columns": [{"title",
 * "type"}]}]}}. Unknown fields are ignored.
 */
public final class CatalogJson {

  private CatalogJson() {}

  /** The tables of a catalog object; a table without a title is an error naming its position. */
  public static List<CatalogTable> tables(JsonNode catalog) {
    JsonNode tables = catalog.path("tables");
    if (!tables.isArray()) {
      throw new InvalidJsonInputException("catalog needs a \"tables\" array");
    }
    List<CatalogTable> result = new ArrayList<>(tables.size());
    for (int i = 0; i < tables.size(); i++) {
      result.add(table(tables.get(i), "tables[" + i + "]"));
    }
    return result;
  }

  /** One table object: {@code {"database_name", "schema_name", "title", "columns": [...]}}. */
  public static CatalogTable table(JsonNode table, String where) {
    String title = text(table, "title");
    if (title == null) {
      throw new InvalidJsonInputException(where + " has no \"title\"");
    }
    List<CatalogColumn> columns = new ArrayList<>();
    JsonNode cols = table.path("columns");
    for (int c = 0; c < cols.size(); c++) {
      String name = text(cols.get(c), "title");
      if (name == null) {
        throw new InvalidJsonInputException(where + ".columns[" + c + "] has no \"title\"");
      }
      columns.add(CatalogColumn.of(name, text(cols.get(c), "type")));
    }
    return new CatalogTable(
        TableName.of(text(table, "database_name"), text(table, "schema_name"), title), columns);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
