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
    String sourceId, String targetId, boolean downstream, String fingerprint, long seenAtMillis) {

  public static List<EdgeDirectionRow> rowsOf(ResolvedEdge edge) {
    return List.of(
        new EdgeDirectionRow(
            edge.sourceId(), edge.targetId(), true, edge.fingerprint(), edge.seenAtMillis()),
        new EdgeDirectionRow(
            edge.sourceId(), edge.targetId(), false, edge.fingerprint(), edge.seenAtMillis()));
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
        Instant.ofEpochMilli(seenAtMillis),
        Optional.ofNullable(fingerprint));
  }
}
