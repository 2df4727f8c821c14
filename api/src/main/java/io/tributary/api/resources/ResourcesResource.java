package io.tributary.api.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.EchoedValue;
import io.tributary.api.json.ApiJson;
import io.tributary.api.service.ResourceService;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.ResourceFilter;
import io.tributary.connectors.store.ResourceUsage;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /resources}: tables, views and columns, filtered by entity_type, integration_id,
 * database_name, schema_name, title (exact, any case) and search (part of the title); as of a time
 * and with dropped ones on request; and each one's usage.
 */
public final class ResourcesResource {

  private final ResourceService service;

  public ResourcesResource(ResourceService service) {
    this.service = service;
  }

  public void list(Context ctx) {
    ResourceFilter filter =
        new ResourceFilter(
            Params.query(ctx, "entity_type")
                .map(
                    t ->
                        EntityType.byName(t.trim())
                            .orElseThrow(
                                () ->
                                    new BadRequestException(
                                        "entity_type must be table, view or column, not '"
                                            + EchoedValue.of(t)
                                            + "'"))),
            Params.query(ctx, "integration_id").map(v -> Params.uuid(v, "integration_id")),
            Params.query(ctx, "database_name"),
            Params.query(ctx, "schema_name"),
            Params.query(ctx, "title"),
            Params.query(ctx, "search"));
    var page = service.list(filter, Params.view(ctx), Params.page(ctx));
    ctx.json(ApiJson.page(page, ApiJson::resource, p -> Params.pageUrl(ctx, p)));
  }

  public void get(Context ctx) {
    ctx.json(ApiJson.resource(service.get(Params.pathId(ctx, "resource_id"))));
  }

  /** The most top queries a usage lists. */
  static final int MAX_TOP = 100;

  /**
   * {@code GET /resources/{id}/usage?top=}: executions, distinct users, last read and written, and
   * the {@code top} (default 10) most executed queries reading or writing it.
   */
  public void usage(Context ctx) {
    int top = Params.intParam(ctx, "top", 10);
    if (top < 1 || top > MAX_TOP) {
      throw new BadRequestException("top must be between 1 and " + MAX_TOP);
    }
    ResourceUsage usage = service.usage(Params.pathId(ctx, "resource_id"), top);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("resource_id", usage.resourceId().toString());
    node.put("executions", usage.executions());
    node.put("distinct_users", usage.distinctUsers());
    time(node, "last_read", usage.lastRead());
    time(node, "last_written", usage.lastWritten());
    ArrayNode queries = node.putArray("top_queries");
    for (ResourceUsage.QueryUsage q : usage.topQueries()) {
      ObjectNode item = queries.addObject();
      item.put("fingerprint", q.query().fingerprint());
      item.put("sql", q.query().sampleSql());
      item.put("dialect", q.query().dialect());
      item.put("executions", q.executions());
      item.put("reads", q.reads());
      item.put("writes", q.writes());
      item.put("first_seen", ApiJson.time(q.query().firstSeen()));
      item.put("last_seen", ApiJson.time(q.query().lastSeen()));
    }
    ctx.json(node);
  }

  private static void time(ObjectNode node, String field, Optional<Instant> value) {
    if (value.isPresent()) {
      node.put(field, ApiJson.time(value.get()));
    } else {
      node.putNull(field);
    }
  }
}
