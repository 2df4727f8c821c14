package io.tributary.connectors.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Which way an edge points. {@code DOWNSTREAM} from A to B means data flows from A into B; the same
 * relationship is also stored as {@code UPSTREAM} from B to A.
 */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM;

  public Direction opposite() {
    return this == UPSTREAM ? DOWNSTREAM : UPSTREAM;
  }

  /** Case-insensitive lookup of {@code upstream} / {@code DOWNSTREAM}. */
  public static Optional<Direction> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "UPSTREAM" -> Optional.of(UPSTREAM);
      case "DOWNSTREAM" -> Optional.of(DOWNSTREAM);
      default -> Optional.empty();
    };
  }
}
