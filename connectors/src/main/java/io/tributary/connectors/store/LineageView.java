package io.tributary.connectors.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which lineage a read sees: as of a time (default: now), and whether retired edges and dropped (or
 * renamed) resources are shown. By default a read sees the current, live lineage.
 *
 * @param asOf the lineage and resources that existed then: edges first seen by then and not retired
 *     by then, resources not yet created then or dropped by then left out
 * @param includeRetired show retired edges too
 * @param includeDropped show dropped and renamed resources, and the edges that touch them
 */
public record LineageView(Optional<Instant> asOf, boolean includeRetired, boolean includeDropped) {

  /** Stands for "now and ever after" in the store's queries. */
  static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  public LineageView {
    Objects.requireNonNull(asOf, "asOf");
  }

  /** The live lineage of now. */
  public static LineageView current() {
    return new LineageView(Optional.empty(), false, false);
  }

  /** Everything stored, retired and dropped included. */
  public static LineageView everything() {
    return new LineageView(Optional.empty(), true, true);
  }

  /** The time the store's conditions compare with. */
  Instant time() {
    return asOf.orElse(END_OF_TIME);
  }
}
