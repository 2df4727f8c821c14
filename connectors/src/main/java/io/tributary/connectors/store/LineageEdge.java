package io.tributary.connectors.store;

import io.tributary.sql.model.LineageKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One stored direction of a lineage relationship, with where it came from. */
public record LineageEdge(
    UUID id,
    Instant createdAt,
    Instant updatedAt,
    UUID fromEntity,
    UUID toEntity,
    Direction direction,
    boolean manual,
    Provenance provenance,
    Instant firstSeen,
    Instant lastSeen,
    Optional<String> queryFingerprint,
    Optional<LineageKind> kind) {

  public LineageEdge {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fromEntity, "fromEntity");
    Objects.requireNonNull(toEntity, "toEntity");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(queryFingerprint, "queryFingerprint");
    Objects.requireNonNull(kind, "kind");
  }

  /** The entity data flows out of. */
  public UUID source() {
    return direction == Direction.DOWNSTREAM ? fromEntity : toEntity;
  }

  /** The entity data flows into. */
  public UUID target() {
    return direction == Direction.DOWNSTREAM ? toEntity : fromEntity;
  }
}
