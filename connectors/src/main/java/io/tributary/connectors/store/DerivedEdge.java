package io.tributary.connectors.store;

import io.tributary.sql.model.LineageKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A relationship found in a query, to write at once: data flows from {@code source} into {@code
 * target}. It is written as two rows ({@link EdgeRow#bothDirections}).
 *
 * @param seenAt when the query ran (first_seen / last_seen of the edge)
 * @param fingerprint the fingerprint of the query that produced it
 * @param kind how a column's value flows, or null (a table edge, or not known)
 */
public record DerivedEdge(
    UUID source, UUID target, Instant seenAt, Optional<String> fingerprint, LineageKind kind) {

  /** A relationship of no known kind: a table edge, or one the query does not tell. */
  public DerivedEdge(UUID source, UUID target, Instant seenAt, Optional<String> fingerprint) {
    this(source, target, seenAt, fingerprint, null);
  }

  public DerivedEdge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(seenAt, "seenAt");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The two stored rows, downstream first. */
  public List<EdgeRow> rows() {
    return EdgeRow.bothDirections(
        ResourceId.of(source),
        ResourceId.of(target),
        seenAt,
        seenAt,
        fingerprint.orElse(null),
        kind);
  }
}
