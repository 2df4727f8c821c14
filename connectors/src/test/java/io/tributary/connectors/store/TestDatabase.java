package io.tributary.connectors.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one test class: a new PostgreSQL database on the local server, or an
 * H2 file store in a temporary directory. Closing it drops it.
 */
public interface TestDatabase extends AutoCloseable {

  /** The server the PostgreSQL tests use (trust auth). */
  String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  String jdbcUrl();

  @Override
  void close();

  static TestDatabase postgres() {
    String name =
        "tributary_store_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + name);
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    return new TestDatabase() {
      @Override
      public String jdbcUrl() {
        return url;
      }

      @Override
      public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }

      @Override
      public String toString() {
        return "postgresql " + name;
      }
    };
  }

  static TestDatabase h2() {
    try {
      Path dir = Files.createTempDirectory("tributary-h2-");
      String url = LineageStore.h2FileUrl(dir).replace(";AUTO_SERVER=TRUE", "");
      return new TestDatabase() {
        @Override
        public String jdbcUrl() {
          return url;
        }

        @Override
        public void close() {
          try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public String toString() {
          return "h2 " + dir;
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL);
        Statement s = c.createStatement()) {
      s.execute(sql.toLowerCase(Locale.ROOT));
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432: " + e.getMessage(), e);
    }
  }
}
