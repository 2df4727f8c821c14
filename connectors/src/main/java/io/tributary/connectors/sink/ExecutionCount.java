package io.tributary.connectors.sink;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * How often a query shape ran on one day, as read from one origin: the whole count so far, not what
 * changed since the last report, so writing it twice (a replay after a restore, a second backfill
 * of the same range) stores the same number.
 *
 * @param fingerprint the query's fingerprint
 * @param origin the log file or history table the executions were read from
 * @param dayStartMillis the start of the day (UTC), epoch milliseconds
 * @param executions executions that started that day
 * @param firstSeenMillis the earliest of them
 * @param lastSeenMillis the latest of them
 */
public record ExecutionCount(
    String fingerprint,
    String origin,
    long dayStartMillis,
    long executions,
    long firstSeenMillis,
    long lastSeenMillis) {

  /** The key a count is kept under in Flink state. */
  public Key key() {
    return new Key(fingerprint, origin, dayStartMillis);
  }

  /**
   * Fingerprint, origin and day: what one count is of. Flink assigns keys to key groups by {@code
   * hashCode()}, which must be the same in every JVM; a record's generated one is unspecified, so
   * it is written out over hashes Java specifies.
   */
  public record Key(String fingerprint, String origin, long dayStartMillis) {

    /** Flink serializes it as a POJO. */
    public static final TypeInformation<Key> TYPE = TypeInformation.of(Key.class);

    @Override
    public int hashCode() {
      return Objects.hash(fingerprint, origin, dayStartMillis);
    }
  }

  /** This count with {@code more} executions between {@code firstMillis} and {@code lastMillis}. */
  public ExecutionCount plus(long more, long firstMillis, long lastMillis) {
    return new ExecutionCount(
        fingerprint,
        origin,
        dayStartMillis,
        executions + more,
        Math.min(firstSeenMillis, firstMillis),
        Math.max(lastSeenMillis, lastMillis));
  }
}
