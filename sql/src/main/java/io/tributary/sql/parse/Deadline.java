package io.tributary.sql.parse;

import java.time.Duration;

/**
 * The time one statement may still take. Long-running steps call {@link #check()} at their loops,
 * so the analyzer stops cleanly instead of being killed.
 */
public final class Deadline {

  private final long deadlineNanos;

  private Deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  public static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  /** A deadline that never passes, for callers that bound the work themselves. */
  public static Deadline none() {
    return new Deadline(Long.MAX_VALUE);
  }

  public boolean passed() {
    return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
  }

  /** Throws {@link DeadlineExceededException} once the deadline has passed. */
  public void check() {
    if (passed()) {
      throw new DeadlineExceededException();
    }
  }

  /** Thrown by {@link Deadline#check()}; the analyzer turns it into a {@code TIMEOUT} error. */
  public static final class DeadlineExceededException extends RuntimeException {
    DeadlineExceededException() {
      super("statement analysis timed out", null, false, false);
    }
  }
}
