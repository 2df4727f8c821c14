package io.tributary.connectors.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A relationship found in a query: data flows from {@code source} into {@code target}. It is
 * written as two rows, {@code DOWNSTREAM source→target} and {@code UPSTREAM target→source}.
 *
 * @param seenAt when the query ran (first_seen / last_seen of the edge)
 * @param fingerprint the fingerprint of the query that produced it
 */
public record DerivedEdge(UUID source, UUID target, Instant seenAt, Optional<String> fingerprint) {

  public DerivedEdge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(seenAt, "seenAt");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The two stored rows, downstream first. */
  public List<EdgeRow> rows() {
    return List.of(
        new EdgeRow(
            source, target, Direction.DOWNSTREAM, source, target, seenAt, seenAt, fingerprint),
        new EdgeRow(
            target, source, Direction.UPSTREAM, source, target, seenAt, seenAt, fingerprint));
  }
}
