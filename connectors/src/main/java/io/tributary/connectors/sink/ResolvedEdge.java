package io.tributary.connectors.sink;

import io.tributary.connectors.store.EdgeRow;
import io.tributary.connectors.store.ResourceId;
import io.tributary.sql.model.LineageKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A relationship between two store resources found in a query, as a job carries it from analysis to
 * the store: data flows from {@code sourceId} into {@code targetId} (two tables, or two columns),
 * over the executions it was seen in. The sink stores it in both directions ({@link #rows}).
 *
 * @param sourceId the upstream resource's id
 * @param targetId the downstream resource's id
 * @param column whether both ends are columns
 * @param fingerprint the fingerprint of the query that produced it
 * @param firstSeenMillis the earliest execution of that query it stands for
 * @param lastSeenMillis the latest execution of that query it stands for
 * @param kind how a column's value flows, or null for a table edge
 */
public record ResolvedEdge(
    ResourceId sourceId,
    ResourceId targetId,
    boolean column,
    String fingerprint,
    long firstSeenMillis,
    long lastSeenMillis,
    LineageKind kind) {

  /**
   * The same edge, seen also between {@code firstMillis} and {@code lastMillis} as {@code
   * otherKind} ({@link EdgeRow#merge}).
   */
  public ResolvedEdge widen(long firstMillis, long lastMillis, LineageKind otherKind) {
    return new ResolvedEdge(
        sourceId,
        targetId,
        column,
        fingerprint,
        Math.min(firstSeenMillis, firstMillis),
        Math.max(lastSeenMillis, lastMillis),
        EdgeRow.merge(kind, otherKind));
  }

  /** The two stored rows, downstream first. */
  public List<EdgeRow> rows() {
    return EdgeRow.bothDirections(
        sourceId,
        targetId,
        Instant.ofEpochMilli(firstSeenMillis),
        Instant.ofEpochMilli(lastSeenMillis),
        fingerprint,
        kind);
  }

  /** The key edges are deduplicated and written by. */
  public Key key() {
    return new Key(sourceId, targetId);
  }

  /**
   * An edge's two ends. Flink assigns keys to key groups by {@code hashCode()}, which must be the
   * same in every JVM; a record's generated one is unspecified, so it is written out.
   */
  public record Key(ResourceId sourceId, ResourceId targetId) {

    /** Flink serializes it as a POJO. */
    public static final TypeInformation<Key> TYPE = TypeInformation.of(Key.class);

    @Override
    public int hashCode() {
      return Objects.hash(sourceId, targetId);
    }
  }
}
