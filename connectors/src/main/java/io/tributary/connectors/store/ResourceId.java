package io.tributary.connectors.store;

import java.util.Comparator;
import java.util.UUID;

/**
 * A resource's id ({@link StoreIds}), as it travels between the tasks of a Flink job: a record of
 * two longs, which Flink serializes as a POJO (a {@link UUID} field would fall back to Kryo).
 *
 * @param high the UUID's most significant bits
 * @param low the UUID's least significant bits
 */
public record ResourceId(long high, long low) implements Comparable<ResourceId> {

  private static final Comparator<ResourceId> ORDER =
      Comparator.comparing(ResourceId::uuid, UUID::compareTo);

  public static ResourceId of(UUID id) {
    return new ResourceId(id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  public UUID uuid() {
    return new UUID(high, low);
  }

  /** The order of the ids' UUIDs (the order the store locks rows in). */
  @Override
  public int compareTo(ResourceId other) {
    return ORDER.compare(this, other);
  }

  /**
   * Written out: Flink places keys holding ids by {@code hashCode()}, which must not vary by JVM.
   */
  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low);
  }

  @Override
  public String toString() {
    return uuid().toString();
  }
}
