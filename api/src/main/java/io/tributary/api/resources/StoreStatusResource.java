package io.tributary.api.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.json.ApiJson;
import io.tributary.api.service.StoreStatusService;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.StoreStats;
import java.util.TreeMap;

/**
 * {@code GET /store/stats} (the store's counts, and the graph limits a client must respect) and
 * {@code GET /store/dead_letters?page=} (statements not understood, newest first).
 */
public final class StoreStatusResource {

  private final StoreStatusService service;
  private final ObjectMapper mapper;
  private final int maxGraphDepth;
  private final int maxGraphNodes;

  public StoreStatusResource(
      StoreStatusService service, ObjectMapper mapper, int maxGraphDepth, int maxGraphNodes) {
    this.service = service;
    this.mapper = mapper;
    this.maxGraphDepth = maxGraphDepth;
    this.maxGraphNodes = maxGraphNodes;
  }

  public void stats(Context ctx) {
    StoreStats stats = service.stats();
    ObjectNode node = mapper.createObjectNode();
    ObjectNode resources = node.putObject("resources");
    for (EntityType type : EntityType.values()) {
      resources.put(type.jsonName(), stats.resources().get(type));
    }
    resources.put("discovered", stats.discoveredResources());
    ObjectNode edges = node.putObject("edges");
    edges.put("relationships", stats.relationships());
    edges.put("manual", stats.manualRelationships());
    edges.put("tombstones", stats.tombstones());
    ObjectNode queries = node.putObject("queries");
    queries.put("seen", stats.queriesSeen());
    queries.put("executions", stats.executions());
    ObjectNode deadLetters = node.putObject("dead_letters");
    deadLetters.put(
        "total", stats.deadLetters().values().stream().mapToLong(Long::longValue).sum());
    ObjectNode byReason = deadLetters.putObject("by_reason");
    new TreeMap<>(stats.deadLetters()).forEach(byReason::put);
    ObjectNode limits = node.putObject("limits");
    limits.put("max_graph_depth", maxGraphDepth);
    limits.put("max_graph_nodes", maxGraphNodes);
    ctx.json(node);
  }

  public void deadLetters(Context ctx) {
    var page = service.deadLetters(Params.page(ctx));
    ctx.json(ApiJson.page(page, this::deadLetter, p -> Params.pageUrl(ctx, p)));
  }

  private ObjectNode deadLetter(DeadLetter d) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", d.id().toString());
    node.put("query_id", d.queryId().orElse(null));
    node.put("fingerprint", d.fingerprint().orElse(null));
    node.put("statement", d.statement());
    node.put("dialect", d.dialect().orElse(null));
    node.put("reason", d.reason().name());
    node.put("message", d.message());
    node.put("occurred_at", ApiJson.time(d.occurredAt()));
    return node;
  }
}
