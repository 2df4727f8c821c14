package io.tributary.connectors.store;

import java.util.Optional;
import java.util.UUID;

/**
 * Filters of a resource listing; names compare case-insensitively, {@code search} matches a part of
 * the title.
 */
public record ResourceFilter(
    Optional<EntityType> entityType,
    Optional<UUID> integrationId,
    Optional<String> databaseName,
    Optional<String> schemaName,
    Optional<String> title,
    Optional<String> search) {

  public static ResourceFilter none() {
    return new ResourceFilter(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
