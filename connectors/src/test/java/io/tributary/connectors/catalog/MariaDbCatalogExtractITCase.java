package io.tributary.connectors.catalog;

import io.tributary.sql.model.TableName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

class MariaDbCatalogExtractITCase extends CatalogExtractITCase {

  private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/?user=root";

  @Override
  protected Source newSource() {
    String name = "tributary_extract_" + UUID.randomUUID().toString().substring(0, 8);
    run(
        "CREATE DATABASE " + name,
        "CREATE TABLE " + name + ".customers (id INT PRIMARY KEY, name VARCHAR(40))",
        "CREATE VIEW " + name + ".customer_names AS SELECT name FROM " + name + ".customers");
    return new Source() {
      @Override
      public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
      }

      @Override
      public String schema() {
        return name;
      }

      @Override
      public TableName customers() {
        return TableName.of(null, name, "customers");
      }

      @Override
      public void close() {
        run("DROP DATABASE IF EXISTS " + name);
      }
    };
  }

  private static void run(String... statements) {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB at 127.0.0.1:3306: " + e.getMessage(), e);
    }
  }
}
