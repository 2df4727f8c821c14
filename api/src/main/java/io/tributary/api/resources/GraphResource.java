package io.tributary.api.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.EchoedValue;
import io.tributary.api.json.ApiJson;
import io.tributary.api.service.GraphService;
import io.tributary.api.service.GraphService.Graph;
import io.tributary.connectors.store.Direction;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** {@code GET /lineage/graph?entity_id=&direction=upstream|downstream|both&depth=N}. */
public final class GraphResource {

  private final GraphService service;
  private final ObjectMapper mapper;
  private final int defaultDepth;

  public GraphResource(GraphService service, ObjectMapper mapper, int defaultDepth) {
    this.service = service;
    this.mapper = mapper;
    this.defaultDepth = defaultDepth;
  }

  public void get(Context ctx) {
    UUID start =
        Params.uuid(
            Params.query(ctx, "entity_id")
                .orElseThrow(() -> new BadRequestException("\"entity_id\" is required")),
            "entity_id");
    String direction =
        Params.query(ctx, "direction").orElse("both").trim().toLowerCase(Locale.ROOT);
    List<Direction> directions =
        switch (direction) {
          case "upstream" -> List.of(Direction.UPSTREAM);
          case "downstream" -> List.of(Direction.DOWNSTREAM);
          case "both" -> List.of(Direction.UPSTREAM, Direction.DOWNSTREAM);
          default ->
              throw new BadRequestException(
                  "direction must be upstream, downstream or both, not '"
                      + EchoedValue.of(direction)
                      + "'");
        };
    int depth = Params.intParam(ctx, "depth", defaultDepth);
    Graph graph = service.walk(start, directions, depth);

    ObjectNode node = mapper.createObjectNode();
    node.put("entity_id", start.toString());
    node.put("direction", direction);
    node.put("depth", depth);
    ArrayNode nodes = node.putArray("nodes");
    for (GraphService.Node n : graph.nodes()) {
      ObjectNode item =
          n.resource()
              .map(ApiJson::resource)
              .orElseGet(() -> mapper.createObjectNode().put("id", n.id().toString()));
      item.put("depth", n.depth());
      nodes.add(item);
    }
    ArrayNode edges = node.putArray("edges");
    graph.edges().forEach(e -> edges.add(ApiJson.edge(e)));
    node.put("truncated", graph.truncated());
    ctx.json(node);
  }
}
