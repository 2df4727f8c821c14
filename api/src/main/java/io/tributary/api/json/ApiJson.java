package io.tributary.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connectors.store.Integration;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.Page;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.Retirement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The API's JSON objects, field by field as Secoda's Lineage API writes them: times in UTC with
 * microseconds ({@code 2023-08-16T23:12:53.245493Z}), ids as strings, and the string {@code "None"}
 * where a page link or number does not exist.
 */
public final class ApiJson {

  /** What the paging envelope holds where there is no previous or next page. */
  public static final String NONE = "None";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private ApiJson() {}

  public static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** A lineage edge: id, created_at, updated_at, from_entity, to_entity, direction, is_manual. */
  public static ObjectNode edge(LineageEdge e) {
    ObjectNode node = NODES.objectNode();
    node.put("id", e.id().toString());
    node.put("created_at", time(e.createdAt()));
    node.put("updated_at", time(e.updatedAt()));
    node.put("from_entity", e.fromEntity().toString());
    node.put("to_entity", e.toEntity().toString());
    node.put("direction", e.direction().name());
    node.put("is_manual", e.manual());
    return node;
  }

  /**
   * Adds to an edge's JSON how a column's value flows ({@code kind}: direct or derived), when
   * known: the graphs and an edge's provenance show it; Secoda's edge lists keep their shape.
   */
  public static ObjectNode withKind(ObjectNode node, LineageEdge e) {
    e.kind().ifPresent(k -> node.put("kind", k.jsonName()));
    return node;
  }

  /** A table as {@code source_tables} / {@code target_table} show it. */
  public static ObjectNode table(Resource r) {
    ObjectNode node = NODES.objectNode();
    node.put("id", r.id().toString());
    node.put("created_at", time(r.createdAt()));
    node.put("updated_at", time(r.updatedAt()));
    node.put("title", r.title());
    put(node, "schema_name", r.schemaName());
    put(node, "database_name", r.databaseName());
    put(node, "native_type", r.nativeType());
    integration(node, r.integration());
    return node;
  }

  /** A column as {@code from_column} / {@code to_column} show it, plus its table. */
  public static ObjectNode column(Resource r) {
    ObjectNode node = NODES.objectNode();
    node.put("id", r.id().toString());
    node.put("created_at", time(r.createdAt()));
    node.put("updated_at", time(r.updatedAt()));
    node.put("title", r.title());
    node.put("entity_type", r.entityType().jsonName());
    put(node, "type", r.type());
    put(node, "schema_name", r.schemaName());
    put(node, "database_name", r.databaseName());
    put(node, "native_type", r.nativeType());
    integration(node, r.integration());
    put(node, "table_id", r.tableId().map(UUID::toString));
    put(node, "table_title", r.tableTitle());
    return node;
  }

  /** A resource of any kind, with every field ({@code /resources}). */
  public static ObjectNode resource(Resource r) {
    ObjectNode node = column(r);
    node.put("discovered", r.discovered());
    return node;
  }

  /**
   * The paging envelope: {@code links} (next/previous URLs), {@code meta} (page, previous_page,
   * next_page), {@code count}, {@code total_pages}, {@code results}.
   *
   * @param pageUrl the URL of a page of the same listing
   */
  public static <T> ObjectNode page(
      Page<T> page, Function<T, ? extends JsonNode> item, IntFunction<String> pageUrl) {
    ObjectNode node = NODES.objectNode();
    ObjectNode links = node.putObject("links");
    links.put("next", page.hasNext() ? pageUrl.apply(page.page() + 1) : NONE);
    links.put("previous", page.hasPrevious() ? pageUrl.apply(page.page() - 1) : NONE);
    ObjectNode meta = node.putObject("meta");
    meta.put("page", page.page());
    if (page.hasPrevious()) {
      meta.put("previous_page", page.page() - 1);
    } else {
      meta.put("previous_page", NONE);
    }
    if (page.hasNext()) {
      meta.put("next_page", page.page() + 1);
    } else {
      meta.put("next_page", NONE);
    }
    node.put("count", page.count());
    node.put("total_pages", page.totalPages());
    ArrayNode results = node.putArray("results");
    page.results().forEach(r -> results.add(item.apply(r)));
    return node;
  }

  /**
   * An edge with its retirement: {@code retired_at} and {@code retired_reason}, both null for a
   * live edge.
   */
  public static ObjectNode edge(LineageEdge e, Optional<Retirement> retirement) {
    ObjectNode node = edge(e);
    put(node, "retired_at", retirement.map(r -> time(r.at())));
    put(node, "retired_reason", retirement.map(r -> r.reason().dbName()));
    return node;
  }

  public static ObjectNode error(int status, String message) {
    ObjectNode node = NODES.objectNode();
    node.put("message", message);
    node.put("status", status);
    return node;
  }

  private static void integration(ObjectNode node, Optional<Integration> integration) {
    put(node, "integration_id", integration.map(i -> i.id().toString()));
    put(node, "integration_title", integration.map(Integration::title));
    put(node, "integration_type", integration.map(Integration::type));
  }

  private static void put(ObjectNode node, String field, Optional<String> value) {
    if (value.isPresent()) {
      node.put(field, value.get());
    } else {
      node.putNull(field);
    }
  }
}
