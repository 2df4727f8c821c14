package io.tributary.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.EchoedValue;
import io.tributary.api.service.OpenLineageRun;
import io.tributary.api.service.QueryLineageService.DeclaredColumn;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an OpenLineage run event (spec 2.0: {@code producer} and {@code schemaURL}, {@code
 * eventTime}, {@code run.runId}, {@code job.namespace}/{@code job.name}, {@code inputs[]}, {@code
 * outputs[]} with their {@code schema} and {@code columnLineage} facets), naming the first thing
 * that is wrong by its path in a 400.
 *
 * <p>A dataset name is split at dots: {@code db.schema.table}, {@code schema.table} or {@code
 * table}; with more than three parts the leading ones form the database; a path (a file dataset) is
 * one name. The dataset namespace (the warehouse) is not part of the name: the store names tables
 * as query-log lineage does, so both land on the same resources. Column lineage whose
 * transformations are all {@code INDIRECT} (filters, joins, grouping) gives no column edge, as with
 * a query.
 */
final class RunEventReader {

  static final List<String> EVENT_TYPES =
      List.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

  private RunEventReader() {}

  static OpenLineageRun read(JsonNode event) {
    String eventType = optionalText(event, "eventType", "eventType").orElse("COMPLETE");
    if (!EVENT_TYPES.contains(eventType)) {
      throw bad(
          "eventType must be one of "
              + String.join(", ", EVENT_TYPES)
              + ", not \""
              + EchoedValue.of(eventType)
              + "\"");
    }
    uri(event, "producer");
    uri(event, "schemaURL");
    String time = text(event, "eventTime", "eventTime");
    Instant eventTime;
    try {
      eventTime = OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      throw bad(
          "eventTime must be an ISO-8601 date-time with an offset, not \""
              + EchoedValue.of(time)
              + "\"");
    }
    JsonNode run = object(event, "run", "run");
    String runIdText = text(run, "runId", "run.runId");
    UUID runId;
    try {
      runId = UUID.fromString(runIdText);
    } catch (IllegalArgumentException e) {
      throw bad("run.runId must be a UUID, not \"" + EchoedValue.of(runIdText) + "\"");
    }
    JsonNode job = object(event, "job", "job");
    String jobNamespace = text(job, "namespace", "job.namespace");
    String jobName = text(job, "name", "job.name");
    Optional<String> sql = Optional.empty();
    JsonNode jobFacets = optionalObject(job, "facets", "job.facets");
    if (jobFacets != null) {
      JsonNode sqlFacet = optionalObject(jobFacets, "sql", "job.facets.sql");
      if (sqlFacet != null) {
        sql = optionalText(sqlFacet, "query", "job.facets.sql.query");
      }
    }

    Map<ColumnName, DeclaredColumn> columns = new LinkedHashMap<>();
    List<TableName> inputs = new ArrayList<>();
    List<JsonNode> inputNodes = array(event, "inputs");
    for (int i = 0; i < inputNodes.size(); i++) {
      String path = "inputs[" + i + "]";
      JsonNode input = element(inputNodes.get(i), path);
      TableName table = dataset(input, path);
      inputs.add(table);
      schemaColumns(input, table, path, columns);
    }

    List<StatementLineage> writes = new ArrayList<>();
    List<JsonNode> outputNodes = array(event, "outputs");
    for (int i = 0; i < outputNodes.size(); i++) {
      String path = "outputs[" + i + "]";
      JsonNode output = element(outputNodes.get(i), path);
      TableName target = dataset(output, path);
      schemaColumns(output, target, path, columns);
      Set<TableName> sources = new LinkedHashSet<>(inputs);
      List<ColumnLineage> flows = columnLineage(output, target, path, sources);
      writes.add(
          new StatementLineage(
              i,
              sql.orElse(""),
              StatementKind.INSERT,
              List.copyOf(sources),
              Optional.of(target),
              flows,
              List.of(),
              List.of(),
              Optional.empty()));
    }
    return new OpenLineageRun(
        eventType,
        eventTime,
        runId,
        jobNamespace,
        jobName,
        writes,
        List.copyOf(columns.values()),
        sql);
  }

  /**
   * {@code facets.columnLineage.fields.<column>.inputFields[]}; their datasets join the sources.
   */
  private static List<ColumnLineage> columnLineage(
      JsonNode dataset, TableName target, String path, Set<TableName> sources) {
    JsonNode facets = optionalObject(dataset, "facets", path + ".facets");
    if (facets == null) {
      return List.of();
    }
    String facetPath = path + ".facets.columnLineage";
    JsonNode facet = optionalObject(facets, "columnLineage", facetPath);
    if (facet == null) {
      return List.of();
    }
    JsonNode fields = optionalObject(facet, "fields", facetPath + ".fields");
    if (fields == null) {
      return List.of();
    }
    List<ColumnLineage> flows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = facetPath + ".fields." + field.getKey();
      checkText(field.getKey(), fieldPath);
      JsonNode entry = element(field.getValue(), fieldPath);
      ColumnName to = ColumnName.of(target, field.getKey());
      if (!entry.has("inputFields")) {
        throw bad(fieldPath + ".inputFields is required");
      }
      List<JsonNode> inputFields = array(entry, "inputFields", fieldPath + ".inputFields");
      for (int i = 0; i < inputFields.size(); i++) {
        String inputPath = fieldPath + ".inputFields[" + i + "]";
        JsonNode input = element(inputFields.get(i), inputPath);
        text(input, "namespace", inputPath + ".namespace");
        TableName from = tableName(text(input, "name", inputPath + ".name"));
        String column = text(input, "field", inputPath + ".field");
        Optional<LineageKind> kind = kind(input, inputPath);
        sources.add(from);
        kind.ifPresent(k -> flows.add(new ColumnLineage(ColumnName.of(from, column), to, k)));
      }
    }
    return flows;
  }

  /**
   * DIRECT/IDENTITY copies the value; any other direct transformation derives it; when every
   * transformation is INDIRECT the column only shapes rows (empty). Without transformations (the
   * facet before they existed) the field is a plain direct input.
   */
  private static Optional<LineageKind> kind(JsonNode inputField, String path) {
    List<JsonNode> transformations =
        array(inputField, "transformations", path + ".transformations");
    if (transformations.isEmpty()) {
      return Optional.of(LineageKind.DIRECT);
    }
    boolean direct = false;
    boolean identity = true;
    for (int i = 0; i < transformations.size(); i++) {
      String tPath = path + ".transformations[" + i + "]";
      JsonNode t = element(transformations.get(i), tPath);
      String type = text(t, "type", tPath + ".type");
      Optional<String> subtype = optionalText(t, "subtype", tPath + ".subtype");
      if (!type.equals("INDIRECT")) {
        direct = true;
        identity &= subtype.filter(s -> s.equals("IDENTITY")).isPresent();
      }
    }
    if (!direct) {
      return Optional.empty();
    }
    return Optional.of(identity ? LineageKind.DIRECT : LineageKind.DERIVED);
  }

  private static void schemaColumns(
      JsonNode dataset, TableName table, String path, Map<ColumnName, DeclaredColumn> columns) {
    JsonNode facets = optionalObject(dataset, "facets", path + ".facets");
    if (facets == null) {
      return;
    }
    JsonNode schema = optionalObject(facets, "schema", path + ".facets.schema");
    if (schema == null) {
      return;
    }
    String fieldsPath = path + ".facets.schema.fields";
    List<JsonNode> fields = array(schema, "fields", fieldsPath);
    for (int i = 0; i < fields.size(); i++) {
      String fieldPath = fieldsPath + "[" + i + "]";
      JsonNode field = element(fields.get(i), fieldPath);
      ColumnName name = ColumnName.of(table, text(field, "name", fieldPath + ".name"));
      columns.putIfAbsent(
          name, new DeclaredColumn(name, optionalText(field, "type", fieldPath + ".type")));
    }
  }

  private static TableName dataset(JsonNode dataset, String path) {
    text(dataset, "namespace", path + ".namespace");
    return tableName(text(dataset, "name", path + ".name"));
  }

  /**
   * {@code db.schema.table}, {@code schema.table} or {@code table}; extra leading parts: db. A path
   * (a file dataset: {@code /warehouse/events/day=1.parquet}) is one name, dots and all.
   */
  static TableName tableName(String name) {
    if (name.indexOf('/') >= 0) {
      return TableName.of(name);
    }
    String[] parts = name.split("\\.", -1);
    for (String part : parts) {
      if (part.isBlank()) {
        throw bad("dataset name \"" + EchoedValue.of(name) + "\" has an empty part");
      }
    }
    if (parts.length > 3) {
      String database = String.join(".", Arrays.copyOfRange(parts, 0, parts.length - 2));
      return TableName.of(database, parts[parts.length - 2], parts[parts.length - 1]);
    }
    return switch (parts.length) {
      case 3 -> TableName.of(parts[0], parts[1], parts[2]);
      case 2 -> TableName.of(null, parts[0], parts[1]);
      default -> TableName.of(parts[0]);
    };
  }

  /** A field the spec requires to be a URI (the producer's code, the schema the event follows). */
  private static void uri(JsonNode event, String field) {
    String text = text(event, field, field);
    try {
      if (!new URI(text).isAbsolute()) {
        throw bad(field + " must be an absolute URI, not \"" + EchoedValue.of(text) + "\"");
      }
    } catch (URISyntaxException e) {
      throw bad(field + " must be a URI, not \"" + EchoedValue.of(text) + "\"");
    }
  }

  private static JsonNode element(JsonNode node, String path) {
    if (!node.isObject()) {
      throw bad(path + " must be an object");
    }
    return node;
  }

  private static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode node = optionalObject(parent, field, path);
    if (node == null) {
      throw bad(path + " is required");
    }
    return node;
  }

  private static JsonNode optionalObject(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw bad(path + " must be an object");
    }
    return node;
  }

  private static List<JsonNode> array(JsonNode parent, String field) {
    return array(parent, field, field);
  }

  /** An optional array (absent or null: empty). */
  private static List<JsonNode> array(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw bad(path + " must be an array");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static String text(JsonNode parent, String field, String path) {
    return optionalText(parent, field, path).orElseThrow(() -> bad(path + " is required"));
  }

  private static Optional<String> optionalText(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw bad(path + " must be a string");
    }
    checkText(node.asText(), path);
    return Optional.of(node.asText()).filter(s -> !s.isBlank());
  }

  private static void checkText(String text, String path) {
    if (text.indexOf('\0') >= 0) {
      throw bad(path + " must not contain NUL (\\u0000)");
    }
    if (!Params.isWellFormed(text)) {
      throw bad(path + " holds an unpaired surrogate escape");
    }
  }

  private static BadRequestException bad(String message) {
    return new BadRequestException(message);
  }
}
