package io.tributary.connectors.store;

import io.tributary.sql.model.LineageKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One stored row of a derived relationship, as {@link StoreDialect#upsertDerivedEdgeSql()} takes
 * it: the store keeps each relationship twice, {@code DOWNSTREAM source→target} and {@code UPSTREAM
 * target→source} ({@link #bothDirections}). {@link #bind(PreparedStatement, EdgeRow)} fits Flink's
 * {@code JdbcStatementBuilder}; a record of ids, an enum, instants and a string, Flink serializes
 * it as a POJO.
 *
 * @param source the flow's source (the tombstone key), whatever the row's direction
 * @param target the flow's target (the tombstone key)
 * @param direction which of the two rows this is
 * @param firstSeen the earliest execution the write stands for
 * @param lastSeen the latest execution the write stands for
 * @param fingerprint the fingerprint of the query behind it, or null
 * @param kind how a column's value flows, or null (a table edge, or not known)
 */
public record EdgeRow(
    ResourceId source,
    ResourceId target,
    Direction direction,
    Instant firstSeen,
    Instant lastSeen,
    String fingerprint,
    LineageKind kind) {

  /** The order writers lock rows in, so concurrent batches do not deadlock. */
  public static final Comparator<EdgeRow> LOCK_ORDER =
      Comparator.comparing(EdgeRow::from)
          .thenComparing(EdgeRow::to)
          .thenComparing(EdgeRow::direction);

  public EdgeRow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  /** The two stored rows of the relationship {@code source → target}, downstream first. */
  public static List<EdgeRow> bothDirections(
      ResourceId source,
      ResourceId target,
      Instant firstSeen,
      Instant lastSeen,
      String fingerprint,
      LineageKind kind) {
    return List.of(
        new EdgeRow(source, target, Direction.DOWNSTREAM, firstSeen, lastSeen, fingerprint, kind),
        new EdgeRow(source, target, Direction.UPSTREAM, firstSeen, lastSeen, fingerprint, kind));
  }

  /**
   * The kind of a pair seen as {@code a} and as {@code b} (either may be null, not known): direct
   * wins, so the result does not depend on the order statements are written in. The upserts of
   * {@link StoreDialect#upsertDerivedEdgeSql()} apply the same rule to the stored kind.
   */
  public static LineageKind merge(LineageKind a, LineageKind b) {
    if (a == LineageKind.DIRECT || b == LineageKind.DIRECT) {
      return LineageKind.DIRECT;
    }
    return a != null ? a : b;
  }

  /** The row's from_entity: the source downstream, the target upstream. */
  public ResourceId from() {
    return direction == Direction.DOWNSTREAM ? source : target;
  }

  /** The row's to_entity. */
  public ResourceId to() {
    return direction == Direction.DOWNSTREAM ? target : source;
  }

  public java.util.UUID id() {
    return StoreIds.edgeId(from().uuid(), to().uuid(), direction);
  }

  /**
   * Sets the 12 parameters of the derived-edge upsert: id, created_at, updated_at, from_entity,
   * to_entity, direction, first_seen, last_seen, query_fingerprint, kind, tombstone source,
   * tombstone target.
   */
  public static void bind(PreparedStatement ps, EdgeRow row) throws SQLException {
    var now = Timestamps.toDb(Timestamps.now());

    ps.setObject(1, row.id());
    ps.setObject(2, now);
    ps.setObject(3, now);
    ps.setObject(4, row.from().uuid());
    ps.setObject(5, row.to().uuid());
    ps.setString(6, row.direction().name());
    ps.setObject(7, Timestamps.toDb(row.firstSeen()));
    ps.setObject(8, Timestamps.toDb(row.lastSeen()));
    if (row.fingerprint() != null) {
      ps.setString(9, row.fingerprint());
    } else {
      ps.setNull(9, Types.VARCHAR);
    }
    if (row.kind() != null) {
      ps.setString(10, row.kind().jsonName());
    } else {
      ps.setNull(10, Types.VARCHAR);
    }
    ps.setObject(11, row.source().uuid());
    ps.setObject(12, row.target().uuid());
  }
}
