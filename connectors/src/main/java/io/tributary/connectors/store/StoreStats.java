package io.tributary.connectors.store;

import java.util.Map;

/**
 * What the store holds, counted: a status panel's numbers.
 *
 * @param resources tables, views and columns by entity type (every type present, 0 when none)
 * @param discoveredResources resources only seen in queries, not imported from a catalog
 * @param relationships lineage relationships (each stored as two rows, counted once)
 * @param manualRelationships the relationships a user created
 * @param tombstones derived relationships a user deleted
 * @param queriesSeen distinct query shapes (fingerprints) analyzed
 * @param executions statement executions counted, over all query shapes
 * @param deadLetters statements not understood, by reason
 */
public record StoreStats(
    Map<EntityType, Long> resources,
    long discoveredResources,
    long relationships,
    long manualRelationships,
    long tombstones,
    long queriesSeen,
    long executions,
    Map<String, Long> deadLetters) {

  public StoreStats {
    resources = Map.copyOf(resources);
    deadLetters = Map.copyOf(deadLetters);
  }
}
