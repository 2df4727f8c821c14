package io.tributary.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.json.ApiJson;
import io.tributary.api.service.QueryLineageService;
import io.tributary.api.service.QueryLineageService.Mode;
import io.tributary.api.service.QueryLineageService.QueryRequest;
import io.tributary.api.service.QueryLineageService.Result;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code /lineage/lineage_from_query}: GET previews (query parameters), POST writes, PATCH replaces
 * the target's non-manual upstream lineage (JSON body; query parameters are read where the body
 * lacks a field).
 */
public final class QueryLineageResource {

  private final QueryLineageService service;
  private final ObjectMapper mapper;

  public QueryLineageResource(QueryLineageService service, ObjectMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  public void preview(Context ctx) {
    respond(ctx, fromQuery(ctx), Mode.PREVIEW);
  }

  public void create(Context ctx) {
    respond(ctx, fromBody(ctx), Mode.CREATE);
  }

  public void replace(Context ctx) {
    respond(ctx, fromBody(ctx), Mode.REPLACE);
  }

  private void respond(Context ctx, QueryRequest request, Mode mode) {
    Result result = service.run(request, mode);
    // A preview marks each resource a write would register with "is_new".
    Function<ObjectNode, ObjectNode> mark =
        mode == Mode.PREVIEW
            ? n ->
                n.put(
                    "is_new", result.newResources().contains(UUID.fromString(n.get("id").asText())))
            : n -> n;
    ObjectNode node = mapper.createObjectNode();
    node.put("sql", result.sql());
    ArrayNode sources = node.putArray("source_tables");
    result.sourceTables().forEach(t -> sources.add(mark.apply(ApiJson.table(t))));
    ArrayNode pairs = node.putArray("column_lineages");
    for (var pair : result.columnLineages()) {
      ObjectNode p = pairs.addObject();
      p.set("from_column", mark.apply(ApiJson.column(pair.from())));
      p.set("to_column", mark.apply(ApiJson.column(pair.to())));
    }
    node.set(
        "target_table", result.targetTable().map(t -> mark.apply(ApiJson.table(t))).orElse(null));
    ArrayNode targets = node.putArray("target_tables");
    result.targetTables().forEach(t -> targets.add(mark.apply(ApiJson.table(t))));
    ArrayNode unresolved = node.putArray("unresolved");
    result.unresolved().forEach(unresolved::add);
    ctx.json(node);
  }

  private static QueryRequest fromQuery(Context ctx) {
    return new QueryRequest(
        Params.query(ctx, "sql"),
        Params.query(ctx, "dialect"),
        Params.query(ctx, "table_id").map(v -> Params.uuid(v, "table_id")),
        Params.query(ctx, "default_database"),
        Params.query(ctx, "default_schema"));
  }

  private QueryRequest fromBody(Context ctx) {
    JsonNode body = Params.body(ctx, mapper);
    return new QueryRequest(
        field(ctx, body, "sql"),
        field(ctx, body, "dialect"),
        field(ctx, body, "table_id").map(v -> Params.uuid(v, "table_id")),
        field(ctx, body, "default_database"),
        field(ctx, body, "default_schema"));
  }

  private static Optional<String> field(Context ctx, JsonNode body, String name) {
    return Params.text(body, name).or(() -> Params.query(ctx, name));
  }
}
