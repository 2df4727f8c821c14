package io.tributary.api.service;

import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.NotFoundException;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EdgeFilter;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.LineageView;
import io.tributary.connectors.store.Page;
import io.tributary.connectors.store.Retirement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Lineage edges by id: list, create (both directions), get, delete (both directions). */
public final class ManualLineageService {

  private final LineageStore store;
  private final int pageSize;

  public ManualLineageService(LineageStore store, int pageSize) {
    this.store = store;
    this.pageSize = pageSize;
  }

  /** The edges {@code view} sees: by default the live ones of now. */
  public Page<LineageEdge> list(EdgeFilter filter, LineageView view, int page) {
    return store.history().list(filter, view, page, pageSize);
  }

  /** When and why those of these edges that are retired were. */
  public Map<UUID, Retirement> retirements(Collection<LineageEdge> edges) {
    return store.history().retirements(edges.stream().map(LineageEdge::id).toList());
  }

  public LineageEdge get(UUID id) {
    return store
        .edges()
        .find(id)
        .orElseThrow(() -> new NotFoundException("Lineage " + id + " does not exist"));
  }

  /** Creates a manual edge and its opposite; both ends must be known resources. */
  public LineageEdge create(UUID from, UUID to, Direction direction) {
    if (from.equals(to)) {
      throw new BadRequestException("from_entity and to_entity must differ");
    }
    Set<UUID> known = new HashSet<>();
    store.resources().findAll(List.of(from, to)).forEach(r -> known.add(r.id()));
    if (!known.contains(from)) {
      throw new BadRequestException("from_entity " + from + " is not a known resource");
    }
    if (!known.contains(to)) {
      throw new BadRequestException("to_entity " + to + " is not a known resource");
    }
    return store.edges().createManual(from, to, direction);
  }

  public void delete(UUID id) {
    if (store.edges().delete(id).isEmpty()) {
      throw new NotFoundException("Lineage " + id + " does not exist");
    }
  }
}
