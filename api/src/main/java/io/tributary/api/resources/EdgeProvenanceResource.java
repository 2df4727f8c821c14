package io.tributary.api.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.json.ApiJson;
import io.tributary.api.service.EdgeProvenanceService;
import io.tributary.api.service.EdgeProvenanceService.EdgeProvenance;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.Resource;
import java.util.Optional;

/** {@code GET /lineage/edges/{lineage_id}/queries}: why an edge exists. */
public final class EdgeProvenanceResource {

  private final EdgeProvenanceService service;
  private final ObjectMapper mapper;

  public EdgeProvenanceResource(EdgeProvenanceService service, ObjectMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  public void get(Context ctx) {
    EdgeProvenance p = service.of(Params.pathId(ctx, "lineage_id"));
    LineageEdge e = p.edge();
    ObjectNode node = mapper.createObjectNode();
    ObjectNode edge = ApiJson.withKind(ApiJson.edge(e), e);
    edge.put("provenance", e.provenance().dbName());
    edge.put("first_seen", ApiJson.time(e.firstSeen()));
    edge.put("last_seen", ApiJson.time(e.lastSeen()));
    edge.put("query_fingerprint", e.queryFingerprint().orElse(null));
    node.set("edge", edge);
    node.set("source", resource(p.source()));
    node.set("target", resource(p.target()));
    ArrayNode queries = node.putArray("queries");
    for (EdgeProvenanceService.EdgeQuery q : p.queries()) {
      queries
          .addObject()
          .put("fingerprint", q.query().fingerprint())
          .put("sample_sql", q.query().sampleSql())
          .put("dialect", q.query().dialect())
          .put("first_seen", ApiJson.time(q.query().firstSeen()))
          .put("last_seen", ApiJson.time(q.query().lastSeen()))
          .put("executions", q.executions());
    }
    ctx.json(node);
  }

  private ObjectNode resource(Optional<Resource> r) {
    return r.map(ApiJson::resource).orElse(null);
  }
}
