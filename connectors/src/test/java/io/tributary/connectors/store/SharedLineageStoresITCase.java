package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tasks of a job in one process share one pool per store, which ends with the last of them. */
class SharedLineageStoresITCase {

  private static TestDatabase db;

  @BeforeAll
  static void migrated() {
    db = TestDatabase.postgres();
    LineageStore.open(db.jdbcUrl()).close();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void tasksShareOnePoolThatClosesWithTheLastOfThem() throws Exception {
    try (SharedLineageStores.Lease a = SharedLineageStores.acquire(db.jdbcUrl());
        SharedLineageStores.Lease b = SharedLineageStores.acquire(db.jdbcUrl())) {
      assertThat(a.store()).isSameAs(b.store());
      assertThat(SharedLineageStores.openPools()).isEqualTo(1);
      for (int i = 0; i < 20; i++) {
        assertThat(a.store().catalog()).isNotNull();
      }
      assertThat(connectionsTo()).isBetween(1L, (long) SharedLineageStores.POOL_SIZE);
      a.close();
      a.close(); // twice releases once: b still works
      assertThat(b.store().catalog()).isNotNull();
    }
    assertThat(SharedLineageStores.openPools()).isZero();
    assertThat(connectionsTo()).isZero();
  }

  @Test
  void connectingDoesNotMigrate() throws Exception {
    try (TestDatabase empty = TestDatabase.postgres()) {
      try (SharedLineageStores.Lease lease = SharedLineageStores.acquire(empty.jdbcUrl())) {
        try (Connection c = lease.store().dataSource().getConnection()) {
          assertThat(c.isValid(5)).isTrue();
        }
      }
      try (Connection c = DriverManager.getConnection(empty.jdbcUrl());
          ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        assertThat(tables.next()).as("a table created by a task's connection").isFalse();
      }
    }
  }

  /** Sessions other than this one open on the test's database. */
  private static long connectionsTo() throws Exception {
    String name = db.jdbcUrl().replaceAll(".*/([^/?]+)\\?.*", "$1");
    try (Connection admin = DriverManager.getConnection(TestDatabase.POSTGRES_ADMIN_URL);
        Statement sql = admin.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '"
                    + name
                    + "' AND pid <> pg_backend_pid()")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
