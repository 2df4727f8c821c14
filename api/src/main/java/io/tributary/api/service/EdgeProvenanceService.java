package io.tributary.api.service;

import io.tributary.api.exceptions.NotFoundException;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.QuerySeen;
import io.tributary.connectors.store.Resource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Why an edge exists: the queries behind it (the store keeps the fingerprint of the statement that
 * first wrote it) with their sample text, dialect, first/last seen and executions counted.
 */
public final class EdgeProvenanceService {

  /** A query behind an edge and how often it ran. */
  public record EdgeQuery(QuerySeen query, long executions) {}

  /**
   * @param edge the edge as asked for (either stored direction)
   * @param source the resource data flows out of, when the store knows it
   * @param target the resource data flows into, when the store knows it
   */
  public record EdgeProvenance(
      LineageEdge edge,
      Optional<Resource> source,
      Optional<Resource> target,
      List<EdgeQuery> queries) {}

  private final LineageStore store;

  public EdgeProvenanceService(LineageStore store) {
    this.store = store;
  }

  public EdgeProvenance of(UUID edgeId) {
    LineageEdge edge =
        store
            .edges()
            .find(edgeId)
            .orElseThrow(() -> new NotFoundException("Edge " + edgeId + " does not exist"));
    List<EdgeQuery> queries =
        edge.queryFingerprint().flatMap(fp -> store.queries().seen(fp)).stream()
            .map(q -> new EdgeQuery(q, store.queries().executions(q.fingerprint())))
            .toList();
    return new EdgeProvenance(
        edge,
        store.resources().find(edge.source()),
        store.resources().find(edge.target()),
        queries);
  }
}
