package io.tributary.connectors.store;

import io.tributary.connectors.store.StoreCatalog.StoredColumn;
import io.tributary.connectors.store.StoreCatalog.StoredTable;
import io.tributary.sql.model.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * What DDL statements in the log tell the store, each at the statement's time: schemas learned from
 * CREATE TABLE / ADD COLUMN, renames, swaps and drops. Every operation is one transaction and
 * idempotent (a replay changes nothing), and order-independent where the store can make it so.
 *
 * <ul>
 *   <li><b>Learned schema.</b> A table's columns and types are registered as learned, so a later
 *       {@code SELECT *} resolves without a catalog import. A table imported from a catalog keeps
 *       the catalog's columns: the catalog wins.
 *   <li><b>Rename</b> {@code a → b}: {@code a} is marked renamed; {@code b} is created with {@code
 *       a}'s columns; {@code a → b} is linked table to table and column to column; what fed {@code
 *       a} is written to feed {@code b} too (first seen as it was, last seen at the rename); older
 *       lineage into {@code b} (a table of that name before) is retired as of the rename.
 *   <li><b>Swap</b> is two renames at once: each name gets the other's columns and lineage.
 *   <li><b>Drop</b>: the resource is marked dropped (its edges stay, as history); lineage into it
 *       is retired as of the drop, so a table created again under the name starts afresh.
 * </ul>
 *
 * Names resolve as in {@link StoreCatalog} (a catalog table wins over a discovered one); a name the
 * store does not know is registered as a discovered table.
 */
public final class SchemaHistoryDao {

  /**
   * A column as a DDL statement declares it.
   *
   * @param type the simple type, when known
   * @param nativeType the type as declared
   */
  public record LearnedColumn(String name, Optional<String> type, Optional<String> nativeType) {
    public LearnedColumn {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(nativeType, "nativeType");
    }

    public static LearnedColumn of(String name, String nativeType) {
      return new LearnedColumn(name, Optional.empty(), Optional.ofNullable(nativeType));
    }
  }

  private final Transactions tx;
  private final ResourceDao resources;
  private final LineageHistoryDao history;

  SchemaHistoryDao(Transactions tx, ResourceDao resources, LineageHistoryDao history) {
    this.tx = tx;
    this.resources = resources;
    this.history = history;
  }

  /**
   * {@code CREATE TABLE} (or VIEW) with columns at {@code at}: the table is created then, with
   * exactly these columns (learned; columns it had before and not now are dropped at {@code at}).
   * Returns the table's id.
   */
  public UUID learnTable(
      TableName table, EntityType kind, List<LearnedColumn> columns, Instant at) {
    return tx.inTransaction(
        c -> {
          StoredTable t = resolveOrRegister(c, table, kind);
          event(c, t.id(), at, ResourceEvent.Kind.CREATED, Optional.empty());
          if (t.discovered()) {
            setColumns(c, t, columns, at);
          }
          return t.id();
        });
  }

  /** {@code ALTER TABLE ... ADD COLUMN} at {@code at}: the columns are learned after the others. */
  public UUID learnColumns(TableName table, List<LearnedColumn> columns, Instant at) {
    return tx.inTransaction(
        c -> {
          StoredTable t = resolveOrRegister(c, table, EntityType.TABLE);
          if (t.discovered()) {
            int next = t.columns().size();
            List<LearnedColumn> added = new ArrayList<>();
            for (LearnedColumn col : columns) {
              if (t.column(col.name()).isEmpty()) {
                added.add(col);
              }
            }
            learn(c, t, added, next, at);
          }
          return t.id();
        });
  }

  /** {@code ALTER TABLE ... DROP COLUMN} at {@code at}: the columns are marked dropped. */
  public void dropColumns(TableName table, Collection<String> columns, Instant at) {
    tx.inTransaction(
        c -> {
          StoredTable t = resolveOrRegister(c, table, EntityType.TABLE);
          for (String name : columns) {
            UUID id = t.column(name).map(StoredColumn::id).orElse(StoreIds.columnId(t.id(), name));
            event(c, id, at, ResourceEvent.Kind.DROPPED, Optional.empty());
          }
          return null;
        });
  }

  /** {@code ALTER TABLE from RENAME TO to} at {@code at}. Returns the id of {@code to}. */
  public UUID rename(TableName from, TableName to, Instant at, Optional<String> fingerprint) {
    return tx.inTransaction(
        c -> {
          StoredTable a = resolveOrRegister(c, from, EntityType.TABLE);
          StoredTable b = resolveOrRegister(c, to, a.entityType());
          Map<String, StoredColumn> moved = byName(a.columns());
          List<LineageEdge> fedA = upstream(c, a);
          if (b.discovered()) {
            setColumns(c, b, learned(a.columns()), at);
          }
          b = reload(c, b);
          List<DerivedEdge> written = new ArrayList<>(links(a, moved, b, at, fingerprint));
          written.addAll(copies(fedA, a, b, at));
          history.replaceUpstream(c, List.of(b.id()), written, at, RetirementReason.RENAMED);
          event(c, a.id(), at, ResourceEvent.Kind.RENAMED, Optional.of(b.id()));
          event(c, b.id(), at, ResourceEvent.Kind.CREATED, Optional.empty());
          return b.id();
        });
  }

  /** Snowflake's {@code ALTER TABLE a SWAP WITH b} at {@code at}: two renames at once. */
  public void swap(TableName first, TableName second, Instant at, Optional<String> fingerprint) {
    tx.inTransaction(
        c -> {
          StoredTable a = resolveOrRegister(c, first, EntityType.TABLE);
          StoredTable b = resolveOrRegister(c, second, EntityType.TABLE);
          Map<String, StoredColumn> aColumns = byName(a.columns());
          Map<String, StoredColumn> bColumns = byName(b.columns());
          List<LineageEdge> fedA = upstream(c, a);
          List<LineageEdge> fedB = upstream(c, b);
          if (a.discovered()) {
            setColumns(c, a, learned(b.columns()), at);
          }
          if (b.discovered()) {
            setColumns(c, b, learned(a.columns()), at);
          }
          StoredTable newA = reload(c, a);
          StoredTable newB = reload(c, b);
          List<DerivedEdge> written = new ArrayList<>(links(a, aColumns, newB, at, fingerprint));
          written.addAll(links(b, bColumns, newA, at, fingerprint));
          written.addAll(copies(fedA, a, newB, at));
          written.addAll(copies(fedB, b, newA, at));
          history.replaceUpstream(
              c, List.of(a.id(), b.id()), written, at, RetirementReason.RENAMED);
          return null;
        });
  }

  /** {@code DROP TABLE} / {@code DROP VIEW} at {@code at}. Returns the dropped resource's id. */
  public UUID drop(TableName table, Instant at) {
    return tx.inTransaction(
        c -> {
          StoredTable t = resolveOrRegister(c, table, EntityType.TABLE);
          event(c, t.id(), at, ResourceEvent.Kind.DROPPED, Optional.empty());
          history.replaceUpstream(c, List.of(t.id()), List.of(), at, RetirementReason.DROPPED);
          return t.id();
        });
  }

  /** What DDL did to a resource, oldest first. */
  public List<ResourceEvent> events(UUID resourceId) {
    return tx.read(
        c -> {
          List<ResourceEvent> result = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT resource_id, occurred_at, kind, related_id FROM resource_events"
                      + " WHERE resource_id = ? ORDER BY occurred_at, kind")) {
            ps.setObject(1, resourceId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(
                    new ResourceEvent(
                        rs.getObject("resource_id", UUID.class),
                        Sql.instant(rs, "occurred_at"),
                        ResourceEvent.Kind.ofDbName(rs.getString("kind")),
                        Sql.uuid(rs, "related_id")));
              }
            }
          }
          return result;
        });
  }

  /** Whether this resource (and its table, for a column) exists under {@code view}'s time. */
  public boolean exists(UUID resourceId, LineageView view) {
    return existing(List.of(resourceId), view).contains(resourceId);
  }

  /**
   * Those of these resources that exist under {@code view}'s time (all when it includes dropped or
   * the store holds no DDL events).
   */
  public Set<UUID> existing(Collection<UUID> resourceIds, LineageView view) {
    if (view.includeDropped()) {
      return new LinkedHashSet<>(resourceIds);
    }
    return tx.read(
        c -> {
          Set<UUID> result = new LinkedHashSet<>();
          TimeSql.History history = TimeSql.History.probe(c, view.time());
          if (!history.events()) {
            result.addAll(resourceIds);
            return result;
          }
          for (List<UUID> chunk : Sql.chunks(resourceIds)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT r.id FROM resources r"
                        + TimeSql.AS_OF_JOIN
                        + " WHERE r.id IN ("
                        + Sql.placeholders(chunk.size())
                        + ") AND "
                        + TimeSql.exists("r.id"))) {
              ps.setObject(1, Timestamps.toDb(view.time()));
              for (int i = 0; i < chunk.size(); i++) {
                ps.setObject(i + 2, chunk.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  result.add(rs.getObject(1, UUID.class));
                }
              }
            }
          }
          return result;
        });
  }

  // --- names and columns ---

  /** The stored table of this name with its existing columns, registered when unknown. */
  private StoredTable resolveOrRegister(Connection c, TableName name, EntityType kind)
      throws SQLException {
    Optional<StoredTable> known = resolve(c, name);
    if (known.isPresent()) {
      return known.get();
    }
    ResourceRow row =
        ResourceRow.table(
            Optional.empty(),
            name.database(),
            name.schema(),
            name.name(),
            kind == EntityType.COLUMN ? EntityType.TABLE : kind,
            Optional.empty(),
            true);
    resources.upsert(c, List.of(row));
    return new StoredTable(row.id(), name, row.entityType(), Optional.empty(), true, List.of());
  }

  private Optional<StoredTable> resolve(Connection c, TableName name) throws SQLException {
    List<StoredTable> candidates = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, database_name, schema_name, title, entity_type, integration_id, discovered"
                + " FROM resources WHERE entity_type <> 'column' AND LOWER(title) = ?")) {
      ps.setString(1, name.name().toLowerCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject("id", UUID.class);
          candidates.add(
              new StoredTable(
                  id,
                  TableName.of(
                      rs.getString("database_name"),
                      rs.getString("schema_name"),
                      rs.getString("title")),
                  EntityType.byName(rs.getString("entity_type")).orElseThrow(),
                  Optional.ofNullable(rs.getObject("integration_id", UUID.class)),
                  rs.getBoolean("discovered"),
                  List.of()));
        }
      }
    }
    Optional<StoredTable> best = StoreCatalog.of(candidates).resolve(name);
    if (best.isEmpty()) {
      return best;
    }
    return Optional.of(withColumns(c, best.get()));
  }

  private StoredTable reload(Connection c, StoredTable t) throws SQLException {
    return withColumns(c, t);
  }

  /** The table with its columns that exist now, in declared order. */
  private static StoredTable withColumns(Connection c, StoredTable t) throws SQLException {
    List<StoredColumn> columns = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.id, r.title, r.type, r.native_type FROM resources r"
                + TimeSql.AS_OF_JOIN
                + " WHERE r.table_id = ? AND "
                + TimeSql.exists("r.id")
                + " ORDER BY r.ordinal, r.title")) {
      ps.setObject(1, Timestamps.toDb(LineageView.END_OF_TIME));
      ps.setObject(2, t.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String declared = rs.getString("native_type");
          String type = declared != null ? declared : rs.getString("type");
          columns.add(
              new StoredColumn(
                  rs.getObject("id", UUID.class),
                  rs.getString("title"),
                  Optional.ofNullable(type)));
        }
      }
    }
    return new StoredTable(
        t.id(), t.name(), t.entityType(), t.integrationId(), t.discovered(), columns);
  }

  private static Map<String, StoredColumn> byName(List<StoredColumn> columns) {
    Map<String, StoredColumn> result = new LinkedHashMap<>();
    columns.forEach(col -> result.putIfAbsent(col.name().toLowerCase(Locale.ROOT), col));
    return result;
  }

  private static List<LearnedColumn> learned(List<StoredColumn> columns) {
    return columns.stream()
        .map(col -> new LearnedColumn(col.name(), Optional.empty(), col.type()))
        .toList();
  }

  /**
   * Makes a discovered table's columns exactly {@code columns} as of {@code at}: learned, created
   * then, in this order; the columns it has now and not in the list are dropped then.
   */
  private void setColumns(Connection c, StoredTable t, List<LearnedColumn> columns, Instant at)
      throws SQLException {
    Map<String, LearnedColumn> wanted = new HashMap<>();
    columns.forEach(col -> wanted.putIfAbsent(col.name().toLowerCase(Locale.ROOT), col));
    for (StoredColumn old : t.columns()) {
      if (!wanted.containsKey(old.name().toLowerCase(Locale.ROOT))) {
        event(c, old.id(), at, ResourceEvent.Kind.DROPPED, Optional.empty());
      }
    }
    learn(c, t, columns, 0, at);
  }

  /** Registers columns of a discovered table as learned, with ordinals from {@code first} + 1. */
  private void learn(
      Connection c, StoredTable t, List<LearnedColumn> columns, int first, Instant at)
      throws SQLException {
    List<ResourceRow> rows = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      LearnedColumn col = columns.get(i);
      rows.add(
          new ResourceRow(
              StoreIds.columnId(t.id(), col.name()),
              col.name(),
              EntityType.COLUMN,
              col.type(),
              col.nativeType().or(col::type),
              t.name().schema(),
              t.name().database(),
              t.integrationId(),
              Optional.of(t.id()),
              OptionalInt.of(first + i + 1),
              true));
    }
    if (rows.isEmpty()) {
      return;
    }
    resources.upsert(c, rows);
    // A discovered row (seen in a query) takes the declared type and place; a catalog row is
    // never touched.
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE resources SET type = ?, native_type = ?, ordinal = ?, learned = TRUE,"
                + " updated_at = ? WHERE id = ? AND discovered AND (NOT learned"
                + " OR type IS DISTINCT FROM ? OR native_type IS DISTINCT FROM ?"
                + " OR ordinal IS DISTINCT FROM ?)")) {
      var now = Timestamps.toDb(Timestamps.now());
      for (ResourceRow row : rows) {
        Sql.setString(ps, 1, row.type());
        Sql.setString(ps, 2, row.nativeType());
        ps.setInt(3, row.ordinal().getAsInt());
        ps.setObject(4, now);
        ps.setObject(5, row.id());
        Sql.setString(ps, 6, row.type());
        Sql.setString(ps, 7, row.nativeType());
        ps.setInt(8, row.ordinal().getAsInt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE resources SET learned = TRUE, updated_at = ?"
                + " WHERE id = ? AND discovered AND NOT learned")) {
      ps.setObject(1, Timestamps.toDb(Timestamps.now()));
      ps.setObject(2, t.id());
      ps.executeUpdate();
    }
    for (ResourceRow row : rows) {
      event(c, row.id(), at, ResourceEvent.Kind.CREATED, Optional.empty());
    }
  }

  // --- lineage of renames ---

  /** {@code from → to} table to table, and column to column by name (as the columns were). */
  private static List<DerivedEdge> links(
      StoredTable from,
      Map<String, StoredColumn> fromColumns,
      StoredTable to,
      Instant at,
      Optional<String> fingerprint) {
    List<DerivedEdge> links = new ArrayList<>();
    links.add(new DerivedEdge(from.id(), to.id(), at, fingerprint));
    for (StoredColumn col : fromColumns.values()) {
      to.column(col.name())
          .filter(target -> !target.id().equals(col.id()))
          .ifPresent(target -> links.add(new DerivedEdge(col.id(), target.id(), at, fingerprint)));
    }
    return links;
  }

  /** The live edges into a table and its columns, each as its DOWNSTREAM row. */
  private static List<LineageEdge> upstream(Connection c, StoredTable t) throws SQLException {
    List<UUID> targets = new ArrayList<>();
    targets.add(t.id());
    t.columns().forEach(col -> targets.add(col.id()));
    List<LineageEdge> result = new ArrayList<>();
    TimeSql.History history = TimeSql.History.probe(c, LineageView.END_OF_TIME);
    for (List<UUID> chunk : Sql.chunks(targets)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT e.id, e.created_at, e.updated_at, e.from_entity, e.to_entity, e.direction,"
                  + " e.is_manual, e.provenance, e.first_seen, e.last_seen, e.query_fingerprint, e.kind"
                  + " FROM lineage_edges e"
                  + TimeSql.AS_OF_JOIN
                  + " WHERE e.direction = 'DOWNSTREAM' AND e.to_entity IN ("
                  + Sql.placeholders(chunk.size())
                  + ") AND "
                  + TimeSql.edgeNotRetired(history))) {
        ps.setObject(1, Timestamps.toDb(LineageView.END_OF_TIME));
        for (int i = 0; i < chunk.size(); i++) {
          ps.setObject(i + 2, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            result.add(EdgeDao.map(rs));
          }
        }
      }
    }
    return result;
  }

  /**
   * What fed {@code from} (and its columns) feeds {@code to} (its columns of the same names) from
   * the rename on: seen at the rename, so that as of an earlier time {@code to} had no such
   * lineage.
   */
  private static List<DerivedEdge> copies(
      List<LineageEdge> fed, StoredTable from, StoredTable to, Instant at) {
    Map<UUID, UUID> target = new HashMap<>();
    target.put(from.id(), to.id());
    for (StoredColumn col : from.columns()) {
      to.column(col.name()).ifPresent(t -> target.put(col.id(), t.id()));
    }
    List<DerivedEdge> rows = new ArrayList<>();
    for (LineageEdge e : fed) {
      UUID newTarget = target.get(e.target());
      if (newTarget == null || newTarget.equals(e.source())) {
        continue;
      }
      rows.add(
          new DerivedEdge(e.source(), newTarget, at, e.queryFingerprint(), e.kind().orElse(null)));
    }
    return rows;
  }

  private static void event(
      Connection c, UUID resource, Instant at, ResourceEvent.Kind kind, Optional<UUID> related)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO resource_events (resource_id, occurred_at, kind, related_id)"
                + " SELECT ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM resource_events WHERE resource_id = ? AND occurred_at = ?"
                + " AND kind = ?)")) {
      ps.setObject(1, resource);
      ps.setObject(2, Timestamps.toDb(at));
      ps.setString(3, kind.dbName());
      Sql.setUuid(ps, 4, related);
      ps.setObject(5, resource);
      ps.setObject(6, Timestamps.toDb(at));
      ps.setString(7, kind.dbName());
      ps.executeUpdate();
    }
  }
}
