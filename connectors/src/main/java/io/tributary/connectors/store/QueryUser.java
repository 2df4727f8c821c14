package io.tributary.connectors.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone ran a query shape on a day (UTC), as read from the log; what usage counts distinct users
 * from. Writing it again changes nothing.
 */
public record QueryUser(String fingerprint, String user, Instant dayStart) {

  /** User names longer than this are cut. */
  public static final int MAX_USER_CHARS = 1024;

  public QueryUser {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(dayStart, "dayStart");
  }
}
