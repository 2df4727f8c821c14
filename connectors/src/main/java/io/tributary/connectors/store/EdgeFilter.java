package io.tributary.connectors.store;

import java.util.List;
import java.util.UUID;

/** Filters of an edge listing: any of these from-entities and any of these to-entities. */
public record EdgeFilter(List<UUID> fromEntities, List<UUID> toEntities) {
  public EdgeFilter {
    fromEntities = List.copyOf(fromEntities);
    toEntities = List.copyOf(toEntities);
  }

  public static EdgeFilter none() {
    return new EdgeFilter(List.of(), List.of());
  }
}
