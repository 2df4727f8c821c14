package io.tributary.connectors.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A table, view or column of the store, with its integration and (for a column) its table.
 *
 * @param discovered true when the resource was only seen in a query, not imported from a catalog
 */
public record Resource(
    UUID id,
    Instant createdAt,
    Instant updatedAt,
    String title,
    EntityType entityType,
    Optional<String> type,
    Optional<String> nativeType,
    Optional<String> schemaName,
    Optional<String> databaseName,
    Optional<Integration> integration,
    Optional<UUID> tableId,
    Optional<String> tableTitle,
    boolean discovered) {

  public Resource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(entityType, "entityType");
  }
}
