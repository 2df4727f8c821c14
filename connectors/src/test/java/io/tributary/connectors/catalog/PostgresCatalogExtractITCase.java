package io.tributary.connectors.catalog;

import io.tributary.connectors.store.TestDatabase;
import io.tributary.sql.model.TableName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresCatalogExtractITCase extends CatalogExtractITCase {
  @Override
  protected Source newSource() {
    TestDatabase db = TestDatabase.postgres();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA sales");
      s.execute("CREATE TABLE sales.customers (id INT PRIMARY KEY, name VARCHAR(40))");
      s.execute("CREATE VIEW sales.customer_names AS SELECT name FROM sales.customers");
      s.execute("CREATE TABLE public.elsewhere (x INT)");
      String database = c.getCatalog();
      return new Source() {
        @Override
        public String jdbcUrl() {
          return db.jdbcUrl();
        }

        @Override
        public String schema() {
          return "sales";
        }

        @Override
        public TableName customers() {
          return TableName.of(database, "sales", "customers");
        }

        @Override
        public void close() {
          db.close();
        }
      };
    } catch (SQLException e) {
      db.close();
      throw new IllegalStateException(e);
    }
  }
}
