package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Integrations and resources (tables, views, columns). */
public final class ResourceDao {

  private static final String SELECT =
      """
      SELECT r.id, r.created_at, r.updated_at, r.title, r.entity_type, r.type, r.native_type,
             r.schema_name, r.database_name, r.discovered, r.table_id, p.title AS table_title,
             i.id AS integration_id, i.created_at AS integration_created_at,
             i.updated_at AS integration_updated_at, i.title AS integration_title,
             i.type AS integration_type
      FROM resources r
      LEFT JOIN integrations i ON i.id = r.integration_id
      LEFT JOIN resources p ON p.id = r.table_id
      """;

  private final Transactions tx;
  private final StoreDialect dialect;

  ResourceDao(Transactions tx, StoreDialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  public Optional<Resource> find(UUID id) {
    return tx.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE r.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
          }
        });
  }

  /** The resources of these ids that exist, in no particular order. */
  public List<Resource> findAll(Collection<UUID> ids) {
    return tx.read(
        c -> {
          List<Resource> result = new ArrayList<>();
          for (List<UUID> chunk : Sql.chunks(ids)) {
            String sql = SELECT + " WHERE r.id IN (" + Sql.placeholders(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              for (int i = 0; i < chunk.size(); i++) {
                ps.setObject(i + 1, chunk.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  result.add(map(rs));
                }
              }
            }
          }
          return result;
        });
  }

  /** A table's columns in their declared order. */
  public List<Resource> columns(UUID tableId) {
    return tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + " WHERE r.table_id = ? ORDER BY r.ordinal, r.title")) {
            ps.setObject(1, tableId);
            List<Resource> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(map(rs));
              }
            }
            return result;
          }
        });
  }

  /** One page (1-based) of the resources that match and exist now, oldest first. */
  public Page<Resource> list(ResourceFilter filter, int page, int pageSize) {
    return list(filter, LineageView.current(), page, pageSize);
  }

  /**
   * One page (1-based) of the resources that match and that {@code view} sees (as of its time,
   * dropped and renamed ones only when it includes them), oldest first.
   */
  public Page<Resource> list(ResourceFilter filter, LineageView view, int page, int pageSize) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    params.add(Timestamps.toDb(view.time()));
    filter
        .entityType()
        .ifPresent(
            t -> {
              where.add("r.entity_type = ?");
              params.add(t.jsonName());
            });
    filter
        .integrationId()
        .ifPresent(
            id -> {
              where.add("r.integration_id = ?");
              params.add(id);
            });
    filter
        .databaseName()
        .ifPresent(
            d -> {
              where.add("LOWER(r.database_name) = ?");
              params.add(d.toLowerCase(Locale.ROOT));
            });
    filter
        .schemaName()
        .ifPresent(
            s -> {
              where.add("LOWER(r.schema_name) = ?");
              params.add(s.toLowerCase(Locale.ROOT));
            });
    filter
        .title()
        .ifPresent(
            t -> {
              where.add("LOWER(r.title) = ?");
              params.add(t.toLowerCase(Locale.ROOT));
            });
    filter
        .search()
        .ifPresent(
            s -> {
              where.add("LOWER(r.title) LIKE ? ESCAPE '!'");
              params.add("%" + likeEscape(s.toLowerCase(Locale.ROOT)) + "%");
            });
    return tx.read(
        c -> {
          List<String> conditions = new ArrayList<>(where);
          conditions.add(TimeSql.resourceVisible(view, TimeSql.History.probe(c, view.time())));
          String condition = " WHERE " + String.join(" AND ", conditions);
          long count;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM resources r" + TimeSql.AS_OF_JOIN + condition)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              count = rs.getLong(1);
            }
          }
          List<Resource> results = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + TimeSql.AS_OF_JOIN
                      + condition
                      + " ORDER BY r.created_at, r.id LIMIT ? OFFSET ?")) {
            bindAll(ps, params);
            ps.setInt(params.size() + 1, pageSize);
            ps.setLong(params.size() + 2, (long) (page - 1) * pageSize);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                results.add(map(rs));
              }
            }
          }
          return new Page<>(results, count, page, pageSize);
        });
  }

  /**
   * When a resource last changed (the latest {@code updated_at}); every write of a resource moves
   * it, so a cache of the catalog can tell cheaply whether it is stale.
   */
  public Optional<java.time.Instant> lastChange() {
    return tx.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT MAX(updated_at) FROM resources");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.ofNullable(
                Timestamps.fromDb(rs.getObject(1, java.time.OffsetDateTime.class)));
          }
        });
  }

  /** The integration of this title and type, created if new. */
  public Integration upsertIntegration(String title, String type) {
    UUID id = StoreIds.integrationId(title, type);
    return tx.inTransaction(
        c -> {
          var now = Timestamps.toDb(Timestamps.now());
          try (PreparedStatement ps = c.prepareStatement(dialect.upsertIntegrationSql())) {
            ps.setObject(1, id);
            ps.setObject(2, now);
            ps.setObject(3, now);
            ps.setString(4, title);
            ps.setString(5, type);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, created_at, updated_at, title, type FROM integrations WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new Integration(
                  id,
                  Sql.instant(rs, "created_at"),
                  Sql.instant(rs, "updated_at"),
                  rs.getString("title"),
                  rs.getString("type"));
            }
          }
        });
  }

  /**
   * Writes resources in one transaction (tables before their columns, as given). Catalog rows
   * update existing resources; discovered rows never overwrite one.
   */
  public void upsert(Collection<ResourceRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    tx.inTransaction(c -> upsert(c, rows));
  }

  int upsert(Connection c, Collection<ResourceRow> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.upsertResourceSql())) {
      for (ResourceRow row : rows) {
        ResourceRow.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return rows.size();
  }

  private static void bindAll(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  /**
   * A LIKE pattern matching {@code s} literally under {@code ESCAPE '!'}. Not backslash: with
   * PostgreSQL's standard_conforming_strings off, {@code '\'} would not be a one-character literal;
   * a backslash in {@code s} is plain text under this escape on both databases.
   */
  private static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  static Resource map(ResultSet rs) throws SQLException {
    Optional<UUID> integrationId = Sql.uuid(rs, "integration_id");
    Optional<Integration> integration = Optional.empty();
    if (integrationId.isPresent()) {
      integration =
          Optional.of(
              new Integration(
                  integrationId.get(),
                  Sql.instant(rs, "integration_created_at"),
                  Sql.instant(rs, "integration_updated_at"),
                  rs.getString("integration_title"),
                  rs.getString("integration_type")));
    }
    return new Resource(
        rs.getObject("id", UUID.class),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        rs.getString("title"),
        EntityType.byName(rs.getString("entity_type")).orElseThrow(),
        Sql.string(rs, "type"),
        Sql.string(rs, "native_type"),
        Sql.string(rs, "schema_name"),
        Sql.string(rs, "database_name"),
        integration,
        Sql.uuid(rs, "table_id"),
        Sql.string(rs, "table_title"),
        rs.getBoolean("discovered"));
  }
}
