package io.tributary.connectors.sink;

import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EdgeRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One stored row of a {@link ResolvedEdge}: the store keeps each relationship twice, {@code
 * DOWNSTREAM source→target} and {@code UPSTREAM target→source}.
 */
public record EdgeDirectionRow(
    String sourceId,
    String targetId,
    boolean downstream,
    String fingerprint,
    long firstSeenMillis,
    long lastSeenMillis) {

  public static List<EdgeDirectionRow> rowsOf(ResolvedEdge edge) {
    return List.of(row(edge, true), row(edge, false));
  }

  private static EdgeDirectionRow row(ResolvedEdge edge, boolean downstream) {
    return new EdgeDirectionRow(
        edge.sourceId(),
        edge.targetId(),
        downstream,
        edge.fingerprint(),
        edge.firstSeenMillis(),
        edge.lastSeenMillis());
  }

  /** The store's row, ready for {@link EdgeRow#bind}. */
  public EdgeRow toEdgeRow() {
    UUID source = UUID.fromString(sourceId);
    UUID target = UUID.fromString(targetId);
    return new EdgeRow(
        downstream ? source : target,
        downstream ? target : source,
        downstream ? Direction.DOWNSTREAM : Direction.UPSTREAM,
        source,
        target,
        Instant.ofEpochMilli(firstSeenMillis),
        Instant.ofEpochMilli(lastSeenMillis),
        Optional.ofNullable(fingerprint));
  }
}
