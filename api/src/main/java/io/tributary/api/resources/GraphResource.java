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
import io.tributary.connectors.store.LineageView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The lineage graph around a resource, and around a table's columns. */
public final class GraphResource {

  private final GraphService service;
  private final ObjectMapper mapper;
  private final int defaultDepth;

  public GraphResource(GraphService service, ObjectMapper mapper, int defaultDepth) {
    this.service = service;
    this.mapper = mapper;
    this.defaultDepth = defaultDepth;
  }

  /**
   * {@code GET /lineage/graph?entity_id=&direction=&depth=&as_of=&include_retired=
   * &include_dropped=}.
   */
  public void get(Context ctx) {
    UUID start = requiredId(ctx, "entity_id");
    String direction = direction(ctx);
    int depth = Params.intParam(ctx, "depth", defaultDepth);
    LineageView view = Params.view(ctx);
    Graph graph = service.walk(start, directions(direction), depth, view);
    ctx.json(render("entity_id", direction, depth, view, graph));
  }

  /**
   * {@code GET /lineage/column_graph?table_id=&direction=&depth=}: the columns of a table (depth 0)
   * and the column-level lineage reached from them.
   */
  public void columns(Context ctx) {
    UUID table = requiredId(ctx, "table_id");
    String direction = direction(ctx);
    int depth = Params.intParam(ctx, "depth", defaultDepth);
    LineageView view = Params.view(ctx);
    Graph graph = service.walkColumns(table, directions(direction), depth, view);
    ctx.json(render("table_id", direction, depth, view, graph));
  }

  private static UUID requiredId(Context ctx, String name) {
    return Params.uuid(
        Params.query(ctx, name)
            .orElseThrow(() -> new BadRequestException("\"" + name + "\" is required")),
        name);
  }

  private static String direction(Context ctx) {
    return Params.query(ctx, "direction").orElse("both").trim().toLowerCase(Locale.ROOT);
  }

  private static List<Direction> directions(String direction) {
    return switch (direction) {
      case "upstream" -> List.of(Direction.UPSTREAM);
      case "downstream" -> List.of(Direction.DOWNSTREAM);
      case "both" -> List.of(Direction.UPSTREAM, Direction.DOWNSTREAM);
      default ->
          throw new BadRequestException(
              "direction must be upstream, downstream or both, not '"
                  + EchoedValue.of(direction)
                  + "'");
    };
  }

  private ObjectNode render(
      String startField, String direction, int depth, LineageView view, Graph graph) {
    ObjectNode node = mapper.createObjectNode();
    node.put(startField, graph.start().toString());
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
    graph
        .edges()
        .forEach(
            e ->
                edges.add(
                    ApiJson.withKind(
                        view.includeRetired()
                            ? ApiJson.edge(e, Optional.ofNullable(graph.retired().get(e.id())))
                            : ApiJson.edge(e),
                        e)));
    node.put("truncated", graph.truncated());
    return node;
  }
}
