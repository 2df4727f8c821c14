package io.tributary.connectors.store;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An in-memory index of the store's tables, views and columns, to resolve the names the analyzer
 * produces to resource ids, and to serve the analyzer as its {@link Catalog} (to expand {@code *}).
 *
 * <p>Names match part by part, by the dialect's identifier rule ({@link StoreIds#key}): the
 * analyzer has already folded unquoted names, so in PostgreSQL {@code "Orders"} does not match
 * {@code orders}, while in T-SQL {@code Orders} does. An exact match wins over one by the rule. A
 * catalog table imported in lower case also serves an upper-folding dialect ({@code ORDERS} in
 * Snowflake matches an imported {@code orders}): an import does not say whether its names were
 * quoted; a discovered table was named by the analyzer, so its spelling is exact. Without a rule
 * names are compared ignoring case. A part the name does not give matches anything, and a part the
 * store does not know matches any given part; when several tables remain, the one matching most
 * exactly wins, and a tie is no match (ambiguity is not guessed).
 */
public final class StoreCatalog implements Catalog {

  /** A table or view of the store with its columns in declared order. */
  public record StoredTable(
      UUID id,
      TableName name,
      EntityType entityType,
      Optional<UUID> integrationId,
      boolean discovered,
      List<StoredColumn> columns) {
    public StoredTable {
      columns = List.copyOf(columns);
    }

    /** The column of this name: exact first, then ignoring case when only one matches. */
    public Optional<StoredColumn> column(String name) {
      return column(name, IdentifierCase.PRESERVE);
    }

    /** The column of this name: exact first, then by the dialect's rule when only one matches. */
    public Optional<StoredColumn> column(String name, IdentifierCase rule) {
      for (StoredColumn c : columns) {
        if (c.name().equals(name)) {
          return Optional.of(c);
        }
      }
      List<StoredColumn> loose =
          columns.stream().filter(c -> part(name, c.name(), rule, !discovered) > 0).toList();
      return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }
  }

  public record StoredColumn(UUID id, String name, Optional<String> type) {}

  private final Map<String, List<StoredTable>> byTitle;
  private final int size;

  private StoreCatalog(List<StoredTable> tables) {
    Map<String, List<StoredTable>> index = new HashMap<>();
    for (StoredTable t : tables) {
      index.computeIfAbsent(key(t.name().name()), k -> new ArrayList<>()).add(t);
    }
    this.byTitle = index;
    this.size = tables.size();
  }

  public static StoreCatalog of(List<StoredTable> tables) {
    return new StoreCatalog(tables);
  }

  /** Reads every table, view and column of the store. */
  public static StoreCatalog load(DataSource dataSource) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw StoreException.noConnection(e);
    }
    try (Connection c = connection) {
      Map<UUID, List<StoredColumn>> columns = new HashMap<>();
      // Columns a DDL statement dropped (or whose table it dropped) are left out: SELECT * on a
      // table created again expands to its new columns.
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT r.id, r.table_id, r.title, r.type FROM resources r"
                  + TimeSql.AS_OF_JOIN
                  + " WHERE r.entity_type = 'column' AND "
                  + TimeSql.resourceVisible(
                      LineageView.current(), TimeSql.History.probe(c, LineageView.END_OF_TIME))
                  + " ORDER BY r.table_id, r.ordinal, r.title")) {
        ps.setObject(1, Timestamps.toDb(LineageView.END_OF_TIME));
        ResultSet rs = ps.executeQuery();
        while (rs.next()) {
          columns
              .computeIfAbsent(rs.getObject("table_id", UUID.class), k -> new ArrayList<>())
              .add(
                  new StoredColumn(
                      rs.getObject("id", UUID.class),
                      rs.getString("title"),
                      Optional.ofNullable(rs.getString("type"))));
        }
      }
      Map<UUID, StoredTable> tables = new LinkedHashMap<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, database_name, schema_name, title, entity_type, integration_id, discovered"
                      + " FROM resources WHERE entity_type <> 'column'");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject("id", UUID.class);
          tables.put(
              id,
              new StoredTable(
                  id,
                  TableName.of(
                      rs.getString("database_name"),
                      rs.getString("schema_name"),
                      rs.getString("title")),
                  EntityType.byName(rs.getString("entity_type")).orElseThrow(),
                  Optional.ofNullable(rs.getObject("integration_id", UUID.class)),
                  rs.getBoolean("discovered"),
                  columns.getOrDefault(id, List.of())));
        }
      }
      return new StoreCatalog(new ArrayList<>(tables.values()));
    } catch (SQLException e) {
      throw StoreException.of("lineage store: cannot read the catalog: " + e.getMessage(), e);
    }
  }

  /** How many tables and views the catalog holds. */
  public int size() {
    return size;
  }

  /** The stored table this name resolves to, its parts compared ignoring case. */
  public Optional<StoredTable> resolve(TableName name) {
    return resolve(name, IdentifierCase.PRESERVE);
  }

  /**
   * The stored table this name resolves to, if exactly one fits best; {@code rule} is the dialect's
   * rule for unquoted identifiers, the name's parts are as the analyzer normalized them.
   */
  public Optional<StoredTable> resolve(TableName name, IdentifierCase rule) {
    List<StoredTable> candidates = byTitle.getOrDefault(key(name.name()), List.of());
    StoredTable best = null;
    int bestScore = -1;
    boolean tie = false;
    for (StoredTable t : candidates) {
      int score = score(name, t, rule);
      if (score < 0) {
        continue;
      }
      if (score > bestScore) {
        best = t;
        bestScore = score;
        tie = false;
      } else if (score == bestScore) {
        if (best.discovered() && !t.discovered()) {
          best = t; // a catalog table wins over one only seen in queries
          tie = false;
        } else if (best.discovered() == t.discovered()) {
          tie = true;
        }
      }
    }
    return best == null || tie ? Optional.empty() : Optional.of(best);
  }

  @Override
  public Optional<CatalogTable> table(TableName name) {
    return in(IdentifierCase.PRESERVE).table(name);
  }

  /** This catalog as the analyzer sees it in a dialect with this rule for unquoted identifiers. */
  public Catalog in(IdentifierCase rule) {
    return name ->
        resolve(name, rule)
            .map(
                t ->
                    new CatalogTable(
                        t.name(),
                        t.columns().stream()
                            .map(c -> new CatalogColumn(c.name(), c.type()))
                            .toList()));
  }

  /**
   * How well a stored table's name fits a wanted one: -1 when a given part contradicts; otherwise
   * points for each part that matches exactly (3), by the rule or as imported (2), or is unknown on
   * either side (0).
   */
  private static int score(TableName wanted, StoredTable table, IdentifierCase rule) {
    TableName stored = table.name();
    boolean imported = !table.discovered();
    int title = part(wanted.name(), stored.name(), rule, imported);
    int schema = part(wanted.schema(), stored.schema(), rule, imported);
    int database = part(wanted.database(), stored.database(), rule, imported);
    if (title < 0 || schema < 0 || database < 0) {
      return -1;
    }
    return title * 100 + schema * 10 + database;
  }

  private static int part(
      Optional<String> wanted, Optional<String> stored, IdentifierCase rule, boolean imported) {
    if (wanted.isEmpty() || stored.isEmpty()) {
      return 0;
    }
    return part(wanted.get(), stored.get(), rule, imported);
  }

  private static int part(String wanted, String stored, IdentifierCase rule, boolean imported) {
    if (wanted.equals(stored)) {
      return 3;
    }
    if (StoreIds.key(wanted, rule).equals(StoreIds.key(stored, rule))) {
      return 2;
    }
    // An import does not say whether a name was quoted; lower case is how most catalogs spell an
    // unquoted name.
    boolean caseFree = imported && stored.equals(stored.toLowerCase(Locale.ROOT));
    return caseFree && StoreIds.folded(wanted, rule) && wanted.equalsIgnoreCase(stored) ? 2 : -1;
  }

  private static String key(String title) {
    return title.toLowerCase(Locale.ROOT);
  }
}
