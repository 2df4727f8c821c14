package io.tributary.connectors.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What a resource is. Stored and shown in lower case: {@code table}, {@code view}, {@code column}.
 */
public enum EntityType {
  TABLE,
  VIEW,
  COLUMN;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EntityType> byName(String name) {
    for (EntityType t : values()) {
      if (t.jsonName().equalsIgnoreCase(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
