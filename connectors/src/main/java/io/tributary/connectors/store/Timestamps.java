package io.tributary.connectors.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as the store keeps them: UTC, microsecond precision (what PostgreSQL stores). */
public final class Timestamps {

  private Timestamps() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public static OffsetDateTime toDb(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static Instant fromDb(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
