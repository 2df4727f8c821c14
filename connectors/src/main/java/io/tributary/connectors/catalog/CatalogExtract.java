package io.tributary.connectors.catalog;

import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.Integration;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.ResourceRow;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the tables, views and columns of a live database through JDBC {@link DatabaseMetaData}
 * (which drivers answer from {@code information_schema} or their system catalogs) and writes them
 * to the store under an integration named after the database.
 *
 * <p>Names land where the analyzer puts them: on PostgreSQL-like databases the connection's
 * database is {@code database_name} and the schema is {@code schema_name}; on MySQL and MariaDB,
 * whose tables have two parts, the database is {@code schema_name}.
 */
public final class CatalogExtract {

  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema", "sys");

  private static final String[] TABLE_TYPES = {
    "TABLE", "VIEW", "MATERIALIZED VIEW", "BASE TABLE", "PARTITIONED TABLE", "FOREIGN TABLE"
  };

  /**
   * @param schemas the schemas (MySQL: databases) to read; empty reads all but system schemas
   * @param integrationTitle the integration's title; empty names it after the database
   */
  public record Options(List<String> schemas, Optional<String> integrationTitle) {
    public Options {
      schemas = List.copyOf(schemas);
    }
  }

  private final LineageStore store;

  public CatalogExtract(LineageStore store) {
    this.store = store;
  }

  public CatalogWriter.Summary run(String jdbcUrl, Options options) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      return run(c, options);
    }
  }

  public CatalogWriter.Summary run(Connection connection, Options options) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    boolean twoPartNames = product.contains("mysql") || product.contains("mariadb");
    String database = connection.getCatalog();
    String type = product.contains("postgres") ? "postgres" : product.replace(' ', '_');
    String title =
        options
            .integrationTitle()
            .orElse(meta.getDatabaseProductName() + " " + hostOf(meta.getURL(), database));
    Integration integration = store.resources().upsertIntegration(title, type);

    Map<String, TableMeta> tables = new LinkedHashMap<>();
    try (ResultSet rs = meta.getTables(twoPartNames ? null : database, null, "%", TABLE_TYPES)) {
      while (rs.next()) {
        TableMeta t = TableMeta.of(rs, twoPartNames);
        if (wanted(t.schema(), options.schemas())) {
          tables.put(t.key(), t);
        }
      }
    }
    try (CatalogWriter writer = new CatalogWriter(store.resources())) {
      for (TableMeta t : tables.values()) {
        ResourceRow table =
            ResourceRow.table(
                Optional.of(integration.id()),
                twoPartNames ? Optional.empty() : Optional.ofNullable(t.catalog()),
                Optional.ofNullable(t.schema()),
                t.name(),
                t.type().toUpperCase(Locale.ROOT).contains("VIEW")
                    ? EntityType.VIEW
                    : EntityType.TABLE,
                Optional.of(t.type().toLowerCase(Locale.ROOT)),
                false);
        List<ResourceRow> columns = new ArrayList<>();
        try (ResultSet rs =
            meta.getColumns(
                t.catalog(),
                twoPartNames ? null : escape(meta, t.schema()),
                escape(meta, t.name()),
                "%")) {
          while (rs.next()) {
            if (!t.name().equals(rs.getString("TABLE_NAME"))) {
              continue; // an escaped pattern may still match more than one table
            }
            String typeName = rs.getString("TYPE_NAME");
            columns.add(
                ResourceRow.column(
                    table,
                    rs.getString("COLUMN_NAME"),
                    Optional.ofNullable(typeName).map(s -> s.toLowerCase(Locale.ROOT)),
                    Optional.ofNullable(typeName).map(s -> nativeType(s, rs)),
                    OptionalInt.of(rs.getInt("ORDINAL_POSITION")),
                    false));
          }
        }
        writer.add(new CatalogEntry(table, columns));
      }
      writer.flush();
      return writer.summary();
    }
  }

  private record TableMeta(String catalog, String schema, String name, String type) {
    static TableMeta of(ResultSet rs, boolean twoPartNames) throws SQLException {
      String catalog = rs.getString("TABLE_CAT");
      String schema = rs.getString("TABLE_SCHEM");
      return new TableMeta(
          catalog,
          twoPartNames && schema == null ? catalog : schema,
          rs.getString("TABLE_NAME"),
          rs.getString("TABLE_TYPE"));
    }

    String key() {
      return catalog + "\u0000" + schema + "\u0000" + name;
    }
  }

  private static boolean wanted(String schema, List<String> schemas) {
    if (schema == null) {
      return schemas.isEmpty();
    }
    if (schemas.isEmpty()) {
      return !SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT));
    }
    return schemas.stream().anyMatch(s -> s.equalsIgnoreCase(schema));
  }

  private static String escape(DatabaseMetaData meta, String pattern) throws SQLException {
    if (pattern == null) {
      return null;
    }
    String escape = meta.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return pattern;
    }
    return pattern
        .replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }

  private static String nativeType(String typeName, ResultSet rs) {
    try {
      int size = rs.getInt("COLUMN_SIZE");
      boolean sized =
          !rs.wasNull()
              && size > 0
              && size < 1_000_000
              && typeName.toLowerCase(Locale.ROOT).matches(".*(char|binary).*");
      return sized
          ? typeName.toLowerCase(Locale.ROOT) + "(" + size + ")"
          : typeName.toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      return typeName.toLowerCase(Locale.ROOT);
    }
  }

  private static String hostOf(String url, String database) {
    String rest = url.replaceFirst("^jdbc:[a-z0-9]+:(//)?", "");
    int cut = rest.indexOf('?');
    rest = cut >= 0 ? rest.substring(0, cut) : rest;
    cut = rest.indexOf(';');
    rest = cut >= 0 ? rest.substring(0, cut) : rest;
    rest = rest.replaceFirst("^[^@/]*@", "");
    return rest.isEmpty() ? String.valueOf(database) : rest;
  }
}
