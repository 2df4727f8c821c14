package io.tributary.connectors.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a derived edge as {@link StoreDialect#upsertDerivedEdgeSql()} takes it. {@link
 * #bind(PreparedStatement, EdgeRow)} fits Flink's {@code JdbcStatementBuilder}.
 *
 * @param source the flow's source (the tombstone key), whatever the row's direction
 * @param target the flow's target (the tombstone key)
 * @param firstSeen the earliest execution the write stands for
 * @param lastSeen the latest execution the write stands for
 */
public record EdgeRow(
    UUID from,
    UUID to,
    Direction direction,
    UUID source,
    UUID target,
    Instant firstSeen,
    Instant lastSeen,
    Optional<String> fingerprint) {

  /** The order writers lock rows in, so concurrent batches do not deadlock. */
  public static final Comparator<EdgeRow> LOCK_ORDER =
      Comparator.comparing(EdgeRow::from)
          .thenComparing(EdgeRow::to)
          .thenComparing(EdgeRow::direction);

  public UUID id() {
    return StoreIds.edgeId(from, to, direction);
  }

  /**
   * Sets the 11 parameters of the derived-edge upsert: id, created_at, updated_at, from_entity,
   * to_entity, direction, first_seen, last_seen, query_fingerprint, tombstone source, tombstone
   * target.
   */
  public static void bind(PreparedStatement ps, EdgeRow row) throws SQLException {
    var now = Timestamps.toDb(Timestamps.now());

    ps.setObject(1, row.id());
    ps.setObject(2, now);
    ps.setObject(3, now);
    ps.setObject(4, row.from());
    ps.setObject(5, row.to());
    ps.setString(6, row.direction().name());
    ps.setObject(7, Timestamps.toDb(row.firstSeen()));
    ps.setObject(8, Timestamps.toDb(row.lastSeen()));
    if (row.fingerprint().isPresent()) {
      ps.setString(9, row.fingerprint().get());
    } else {
      ps.setNull(9, Types.VARCHAR);
    }
    ps.setObject(10, row.source());
    ps.setObject(11, row.target());
  }
}
