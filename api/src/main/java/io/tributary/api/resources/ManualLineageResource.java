package io.tributary.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.EchoedValue;
import io.tributary.api.json.ApiJson;
import io.tributary.api.service.ManualLineageService;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EdgeFilter;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageView;
import io.tributary.connectors.store.Page;
import io.tributary.connectors.store.Retirement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /lineage/manual}: list, create, get and delete lineage edges. */
public final class ManualLineageResource {

  private final ManualLineageService service;
  private final ObjectMapper mapper;

  public ManualLineageResource(ManualLineageService service, ObjectMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  /**
   * {@code GET /lineage/manual?from_entity__in=&to_entity__in=&page=&as_of=&include_retired=
   * &include_dropped=}: the live edges of now unless asked otherwise; with {@code include_retired}
   * each edge says when and why it was retired.
   */
  public void list(Context ctx) {
    EdgeFilter filter =
        new EdgeFilter(Params.idList(ctx, "from_entity__in"), Params.idList(ctx, "to_entity__in"));
    LineageView view = Params.view(ctx);
    Page<LineageEdge> page = service.list(filter, view, Params.page(ctx));
    if (view.includeRetired()) {
      Map<UUID, Retirement> retired = service.retirements(page.results());
      ctx.json(
          ApiJson.page(
              page,
              e -> ApiJson.edge(e, Optional.ofNullable(retired.get(e.id()))),
              p -> Params.pageUrl(ctx, p)));
    } else {
      ctx.json(ApiJson.page(page, ApiJson::edge, p -> Params.pageUrl(ctx, p)));
    }
  }

  /** {@code POST /lineage/manual}: 201 with the edge; its opposite direction is created too. */
  public void create(Context ctx) {
    JsonNode body = Params.body(ctx, mapper);
    UUID from = entity(body, "from_entity");
    UUID to = entity(body, "to_entity");
    Direction direction =
        Params.text(body, "direction")
            .map(
                d ->
                    Direction.byName(d)
                        .orElseThrow(
                            () ->
                                new BadRequestException(
                                    "direction must be UPSTREAM or DOWNSTREAM, not '"
                                        + EchoedValue.of(d)
                                        + "'")))
            .orElse(Direction.DOWNSTREAM);
    ctx.status(201).json(ApiJson.edge(service.create(from, to, direction)));
  }

  public void get(Context ctx) {
    ctx.json(ApiJson.edge(service.get(Params.pathId(ctx, "lineage_id"))));
  }

  /** {@code DELETE /lineage/manual/{id}}: 204; both directions go. */
  public void delete(Context ctx) {
    service.delete(Params.pathId(ctx, "lineage_id"));
    ctx.status(204);
  }

  /** {@code from_entity} or, as older clients send it, {@code from_entity_id}. */
  private static UUID entity(JsonNode body, String field) {
    Optional<String> value = Params.text(body, field).or(() -> Params.text(body, field + "_id"));
    return Params.uuid(
        value.orElseThrow(() -> new BadRequestException("\"" + field + "\" is required")), field);
  }
}
