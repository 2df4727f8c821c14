package io.tributary.sql.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.DeclaredColumn;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableChange;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes analysis results in the field names of the Lineage API ({@code source_tables}, {@code
 * target_table}, {@code column_lineages} with {@code from_column} / {@code to_column}), the shape
 * {@code tributary analyze} prints.
 */
public final class LineageJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LineageJson() {}

  /**
   * The output objects for one analyzed input: one per statement of the script, plain SELECTs,
   * utility and failed statements included, in order; a text without statements (blank, only
   * comments) gives one empty object, so that every input has an answer.
   */
  public static List<ObjectNode> outputs(JsonNode id, List<StatementLineage> statements) {
    if (statements.isEmpty()) {
      return List.of(noStatement(id));
    }
    List<ObjectNode> out = new ArrayList<>(statements.size());
    for (StatementLineage s : statements) {
      out.add(statement(id, s));
    }
    return out;
  }

  /** One statement's object. */
  public static ObjectNode statement(JsonNode id, StatementLineage s) {
    ObjectNode node = NODES.objectNode();
    node.set("id", id == null ? NODES.nullNode() : id);
    node.put("statement_index", s.index());
    node.put("statement_kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode sources = node.putArray("source_tables");
    s.sources().forEach(t -> sources.add(table(t)));
    node.set("target_table", s.target().map(LineageJson::table).orElse(null));
    ArrayNode pairs = node.putArray("column_lineages");
    s.columns().forEach(c -> pairs.add(pair(c)));
    ArrayNode indirect = node.putArray("indirect_columns");
    s.indirect().forEach(c -> indirect.add(column(c)));
    ArrayNode warnings = node.putArray("warnings");
    s.warnings().forEach(w -> warnings.add(warning(w)));
    node.set("error", s.error().map(LineageJson::error).orElse(null));
    ArrayNode changes = node.putArray("table_changes");
    s.changes().forEach(c -> changes.add(change(c)));
    return node;
  }

  /**
   * One table change: {@code change} names it ({@code created}, {@code created_from}, {@code
   * column_added}, {@code column_dropped}, {@code column_renamed}, {@code renamed}, {@code
   * swapped}, {@code dropped}, {@code truncated}), {@code table} is the table it applies to.
   */
  public static ObjectNode change(TableChange c) {
    ObjectNode node = NODES.objectNode();
    if (c instanceof TableChange.Created created) {
      node.put("change", "created");
      node.set("table", table(created.table()));
      ArrayNode columns = node.putArray("columns");
      for (DeclaredColumn column : created.columns()) {
        ObjectNode col = columns.addObject();
        col.put("name", column.name());
        col.put("type", column.type().orElse(null));
      }
      node.put("temporary", created.temporary());
    } else if (c instanceof TableChange.CreatedFrom from) {
      node.put("change", "created_from");
      node.set("table", table(from.table()));
      node.set("template", table(from.template()));
      node.put("with_rows", from.withRows());
      node.put("temporary", from.temporary());
    } else if (c instanceof TableChange.ColumnAdded added) {
      node.put("change", "column_added");
      node.set("table", table(added.table()));
      node.put("column", added.column().name());
      node.put("type", added.column().type().orElse(null));
    } else if (c instanceof TableChange.ColumnDropped dropped) {
      node.put("change", "column_dropped");
      node.set("table", table(dropped.table()));
      node.put("column", dropped.column());
    } else if (c instanceof TableChange.ColumnRenamed renamed) {
      node.put("change", "column_renamed");
      node.set("table", table(renamed.table()));
      node.put("from", renamed.from());
      node.put("to", renamed.to());
    } else if (c instanceof TableChange.Renamed renamed) {
      node.put("change", "renamed");
      node.set("from", table(renamed.from()));
      node.set("table", table(renamed.table()));
    } else if (c instanceof TableChange.Swapped swapped) {
      node.put("change", "swapped");
      node.set("table", table(swapped.table()));
      node.set("other", table(swapped.other()));
    } else if (c instanceof TableChange.Dropped dropped) {
      node.put("change", "dropped");
      node.set("table", table(dropped.table()));
      node.put("view", dropped.view());
    } else if (c instanceof TableChange.Truncated truncated) {
      node.put("change", "truncated");
      node.set("table", table(truncated.table()));
    }
    return node;
  }

  /** The answer to a text without statements: nothing read, nothing written, no error. */
  private static ObjectNode noStatement(JsonNode id) {
    ObjectNode node = NODES.objectNode();
    node.set("id", id == null ? NODES.nullNode() : id);
    node.putArray("source_tables");
    node.set("target_table", null);
    node.putArray("column_lineages");
    node.putArray("indirect_columns");
    node.putArray("warnings");
    node.set("error", null);
    node.putArray("table_changes");
    return node;
  }

  public static ObjectNode table(TableName t) {
    ObjectNode node = NODES.objectNode();
    node.put("database_name", t.database().orElse(null));
    node.put("schema_name", t.schema().orElse(null));
    node.put("title", t.name());
    return node;
  }

  public static ObjectNode column(ColumnName c) {
    ObjectNode node = NODES.objectNode();
    node.put("database_name", c.table().flatMap(TableName::database).orElse(null));
    node.put("schema_name", c.table().flatMap(TableName::schema).orElse(null));
    node.put("table", c.table().map(TableName::name).orElse(null));
    node.put("title", c.name());
    return node;
  }

  public static ObjectNode pair(ColumnLineage c) {
    ObjectNode node = NODES.objectNode();
    node.set("from_column", column(c.from()));
    node.set("to_column", column(c.to()));
    node.put("kind", c.kind().jsonName());
    return node;
  }

  /** {@code {"kind": "unknown_column", "message": "..."}}: the kind in lower case, as errors. */
  public static ObjectNode warning(Warning w) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", w.kind().name().toLowerCase(java.util.Locale.ROOT));
    node.put("message", w.message());
    return node;
  }

  public static ObjectNode error(AnalysisError e) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    node.put("message", e.message());
    if (e.line().isPresent()) {
      node.put("line", e.line().getAsInt());
    } else {
      node.putNull("line");
    }
    if (e.column().isPresent()) {
      node.put("column", e.column().getAsInt());
    } else {
      node.putNull("column");
    }
    return node;
  }
}
