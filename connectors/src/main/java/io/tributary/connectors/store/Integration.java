package io.tributary.connectors.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A source of resources: a warehouse or database, e.g. {@code "Production Snowflake"}. */
public record Integration(
    UUID id, Instant createdAt, Instant updatedAt, String title, String type) {
  public Integration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
  }
}
