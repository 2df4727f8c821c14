package io.tributary.api.service;

import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.NotFoundException;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.LineageView;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.Retirement;
import io.tributary.connectors.store.StoreIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Impact analysis: the resources upstream and/or downstream of one, level by level up to a depth.
 * Each entity is visited once, so cycles end the walk instead of looping. {@code both} walks
 * upstream and downstream separately from the start (it does not turn around midway).
 */
public final class GraphService {

  /** A resource reached at {@code depth} steps from the start (0 for the start itself). */
  public record Node(UUID id, int depth, Optional<Resource> resource) {}

  /**
   * @param edges the relationships walked, each as its DOWNSTREAM edge (source → target)
   * @param truncated whether the walk stopped at the node limit
   * @param retired when and why those of the edges that are retired were (only walked when the view
   *     includes retired edges)
   */
  public record Graph(
      UUID start,
      List<Node> nodes,
      List<LineageEdge> edges,
      boolean truncated,
      Map<UUID, Retirement> retired) {}

  private final LineageStore store;
  private final int maxDepth;
  private final int maxNodes;

  public GraphService(LineageStore store, int maxDepth, int maxNodes) {
    this.store = store;
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
  }

  public int maxDepth() {
    return maxDepth;
  }

  public Graph walk(UUID start, List<Direction> directions, int depth) {
    return walk(start, directions, depth, LineageView.current());
  }

  /**
   * The walk over the lineage {@code view} sees: as of its time, through retired edges and dropped
   * resources only when it includes them.
   */
  public Graph walk(UUID start, List<Direction> directions, int depth, LineageView view) {
    checkDepth(depth);
    Resource root =
        store
            .resources()
            .find(start)
            .orElseThrow(() -> new NotFoundException("Resource " + start + " does not exist"));
    return walk(start, List.of(root), directions, depth, view);
  }

  /** Column-level impact of a table: the walk from all of its columns at once (each at depth 0). */
  public Graph walkColumns(UUID table, List<Direction> directions, int depth) {
    return walkColumns(table, directions, depth, LineageView.current());
  }

  /** {@link #walkColumns(UUID, List, int)} over the lineage {@code view} sees. */
  public Graph walkColumns(UUID table, List<Direction> directions, int depth, LineageView view) {
    checkDepth(depth);
    Resource root =
        store
            .resources()
            .find(table)
            .orElseThrow(() -> new NotFoundException("Resource " + table + " does not exist"));
    if (root.entityType() == EntityType.COLUMN) {
      throw new BadRequestException("table_id " + table + " is a column, not a table or view");
    }
    List<Resource> columns = store.resources().columns(table);
    Set<UUID> existing =
        store.schemaHistory().existing(columns.stream().map(Resource::id).toList(), view);
    columns = columns.stream().filter(c -> existing.contains(c.id())).toList();
    return walk(table, columns, directions, depth, view);
  }

  private void checkDepth(int depth) {
    if (depth < 1 || depth > maxDepth) {
      throw new BadRequestException("depth must be between 1 and " + maxDepth);
    }
  }

  private Graph walk(
      UUID start, List<Resource> roots, List<Direction> directions, int depth, LineageView view) {
    List<UUID> rootIds = roots.stream().map(Resource::id).toList();
    Map<UUID, Integer> visited = new LinkedHashMap<>();
    rootIds.forEach(id -> visited.put(id, 0));
    Map<List<UUID>, LineageEdge> edges = new LinkedHashMap<>();
    boolean truncated = false;
    for (Direction direction : directions) {
      Set<UUID> frontier = new LinkedHashSet<>(rootIds);
      Set<UUID> seen = new LinkedHashSet<>(frontier);
      for (int level = 1; level <= depth && !frontier.isEmpty() && !truncated; level++) {
        Set<UUID> next = new LinkedHashSet<>();
        for (LineageEdge e : store.history().leaving(frontier, direction, view)) {
          LineageEdge flow = downstream(e);
          edges.putIfAbsent(List.of(flow.fromEntity(), flow.toEntity()), flow);
          UUID reached = e.toEntity();
          if (seen.add(reached)) {
            next.add(reached);
            visited.putIfAbsent(reached, level);
            if (visited.size() >= maxNodes) {
              truncated = true;
              break;
            }
          }
        }
        frontier = next;
      }
    }
    Map<UUID, Resource> resources = new HashMap<>();
    roots.forEach(r -> resources.put(r.id(), r));
    Set<UUID> unknown = new LinkedHashSet<>(visited.keySet());
    unknown.removeAll(resources.keySet());
    store.resources().findAll(unknown).forEach(r -> resources.put(r.id(), r));
    List<Node> nodes = new ArrayList<>();
    visited.forEach(
        (id, level) -> nodes.add(new Node(id, level, Optional.ofNullable(resources.get(id)))));
    List<LineageEdge> walked = List.copyOf(edges.values());
    Map<UUID, Retirement> retired =
        view.includeRetired()
            ? store.history().retirements(walked.stream().map(LineageEdge::id).toList())
            : Map.of();
    return new Graph(start, nodes, walked, truncated, retired);
  }

  /** The relationship as its DOWNSTREAM row (source → target), whichever row was walked. */
  private static LineageEdge downstream(LineageEdge e) {
    if (e.direction() == Direction.DOWNSTREAM) {
      return e;
    }
    return new LineageEdge(
        StoreIds.edgeId(e.toEntity(), e.fromEntity(), Direction.DOWNSTREAM),
        e.createdAt(),
        e.updatedAt(),
        e.toEntity(),
        e.fromEntity(),
        Direction.DOWNSTREAM,
        e.manual(),
        e.provenance(),
        e.firstSeen(),
        e.lastSeen(),
        e.queryFingerprint(),
        e.kind());
  }
}
