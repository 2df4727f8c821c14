package io.tributary.api.resources;

import io.javalin.http.Context;
import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.EchoedValue;
import io.tributary.api.json.ApiJson;
import io.tributary.api.service.ResourceService;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.ResourceFilter;

/**
 * {@code /resources}: tables, views and columns, filtered by entity_type, integration_id,
 * database_name, schema_name, title (exact, any case) and search (part of the title).
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
    var page = service.list(filter, Params.page(ctx));
    ctx.json(ApiJson.page(page, ApiJson::resource, p -> Params.pageUrl(ctx, p)));
  }

  public void get(Context ctx) {
    ctx.json(ApiJson.resource(service.get(Params.pathId(ctx, "resource_id"))));
  }
}
