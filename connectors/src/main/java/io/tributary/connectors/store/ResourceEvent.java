package io.tributary.connectors.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a DDL statement did to a resource, at the statement's time.
 *
 * @param related for a rename, the resource the name moved to
 */
public record ResourceEvent(UUID resourceId, Instant at, Kind kind, Optional<UUID> related) {

  public enum Kind {
    CREATED,
    DROPPED,
    RENAMED;

    public String dbName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind ofDbName(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  public ResourceEvent {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(related, "related");
  }
}
