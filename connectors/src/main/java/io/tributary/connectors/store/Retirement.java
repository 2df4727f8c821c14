package io.tributary.connectors.store;

import java.time.Instant;
import java.util.Objects;

/** When and why an edge was retired. */
public record Retirement(Instant at, RetirementReason reason) {
  public Retirement {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
  }
}
