package io.tributary.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one run of a job (the server the tests use, 127.0.0.1:5432), and
 * what a test reads back from the lineage store in it.
 */
final class LineageStoreDatabase implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String USER = "postgres";

  private final String name;

  private LineageStoreDatabase(String name) {
    this.name = name;
  }

  static LineageStoreDatabase create() throws SQLException {
    String name = "tributary_cluster_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = DriverManager.getConnection(SERVER + "test", USER, "");
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    }
    return new LineageStoreDatabase(name);
  }

  /** The JDBC URL a job writes to (user in the URL: the job gets nothing else). */
  String url() {
    return SERVER + name + "?user=" + USER;
  }

  /**
   * The stored lineage, one "from>to" per relationship (the DOWNSTREAM direction), with qualified
   * names: {@code database.schema.table} and {@code database.schema.table.column}.
   */
  Set<String> edges() throws SQLException {
    Set<String> edges = new HashSet<>();
    try (Connection c = connect();
        Statement sql = c.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT "
                    + qualified("f", "ft")
                    + " AS from_name, "
                    + qualified("t", "tt")
                    + " AS to_name FROM lineage_edges e"
                    + " JOIN resources f ON f.id = e.from_entity"
                    + " LEFT JOIN resources ft ON ft.id = f.table_id"
                    + " JOIN resources t ON t.id = e.to_entity"
                    + " LEFT JOIN resources tt ON tt.id = t.table_id"
                    + " WHERE e.direction = 'DOWNSTREAM'")) {
      while (rows.next()) {
        edges.add(rows.getString(1) + ">" + rows.getString(2));
      }
    }
    return edges;
  }

  private static String qualified(String resource, String table) {
    return "CASE WHEN "
        + resource
        + ".entity_type = 'column' THEN "
        + table
        + ".database_name || '.' || "
        + table
        + ".schema_name || '.' || "
        + table
        + ".title || '.' || "
        + resource
        + ".title ELSE "
        + resource
        + ".database_name || '.' || "
        + resource
        + ".schema_name || '.' || "
        + resource
        + ".title END";
  }

  /**
   * Edge rows beyond one per (from, to, direction), and relationships stored in one direction only.
   */
  long edgeAnomalies() throws SQLException {
    return count(
            "SELECT COUNT(*) - COUNT(DISTINCT (from_entity, to_entity, direction)) FROM lineage_edges")
        + count(
            "SELECT COUNT(*) FROM lineage_edges d WHERE d.direction = 'DOWNSTREAM' AND NOT EXISTS"
                + " (SELECT 1 FROM lineage_edges u WHERE u.direction = 'UPSTREAM'"
                + " AND u.from_entity = d.to_entity AND u.to_entity = d.from_entity)");
  }

  long deadLetters() throws SQLException {
    return count("SELECT COUNT(*) FROM dead_letters");
  }

  /** The fingerprint of every dead letter (a duplicate shows twice). */
  List<String> deadLetterFingerprints() throws SQLException {
    List<String> fingerprints = new ArrayList<>();
    try (Connection c = connect();
        Statement sql = c.createStatement();
        ResultSet rows = sql.executeQuery("SELECT fingerprint FROM dead_letters")) {
      while (rows.next()) {
        fingerprints.add(rows.getString(1));
      }
    }
    return fingerprints;
  }

  /** Executions counted into the queries table (per fingerprint, origin and hour). */
  long executions() throws SQLException {
    return count("SELECT COALESCE(SUM(executions), 0) FROM query_executions");
  }

  long count(String query) throws SQLException {
    try (Connection c = connect();
        Statement sql = c.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(SERVER + name, USER, "");
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(SERVER + "test", USER, "");
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
