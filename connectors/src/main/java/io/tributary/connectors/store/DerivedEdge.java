package io.tributary.connectors.store;

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
    return EdgeRow.bothDirections(
        ResourceId.of(source), ResourceId.of(target), seenAt, seenAt, fingerprint.orElse(null));
  }
}
