package io.tributary.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on the work spent on one statement.
 *
 * @param timeout the longest one statement may take to parse and analyze
 * @param maxStatementChars statements longer than this are rejected as {@code TOO_LARGE}
 */
public record AnalyzerLimits(Duration timeout, int maxStatementChars) {

  public AnalyzerLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxStatementChars <= 0) {
      throw new IllegalArgumentException("maxStatementChars must be positive");
    }
  }

  /** 10 seconds and 1,000,000 characters per statement. */
  public static AnalyzerLimits defaults() {
    return new AnalyzerLimits(Duration.ofSeconds(10), 1_000_000);
  }
}
