package io.tributary.connectors.store;

import java.util.Locale;
import java.util.Optional;

/** Why an edge was retired. Stored and shown in lower case. */
public enum RetirementReason {
  /** A statement replaced the target's contents (CREATE OR REPLACE, INSERT OVERWRITE...). */
  REPLACED,
  /** A PATCH of lineage_from_query replaced the target's upstream lineage. */
  LINEAGE_FROM_QUERY,
  /** The target was renamed over (ALTER TABLE ... RENAME TO it, or a swap): new contents. */
  RENAMED,
  /** The target was dropped. */
  DROPPED,
  /** Not seen for longer than the retire-after period while its target kept being written. */
  UNSEEN;

  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RetirementReason> byName(String name) {
    for (RetirementReason r : values()) {
      if (r.dbName().equalsIgnoreCase(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Whether the retirement comes from an explicit request, which also asks for its kept edges. */
  boolean requested() {
    return this == LINEAGE_FROM_QUERY;
  }
}
