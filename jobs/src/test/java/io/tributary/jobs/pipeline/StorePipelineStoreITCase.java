package io.tributary.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.SharedLineageStores;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.model.TableName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The connections a job's tasks open in one TaskManager: one pool for all of them, which the
 * catalog's reloads reuse, closed with the last task.
 */
class StorePipelineStoreITCase {

  @Test
  void tasksAndCatalogReloadsShareOnePoolClosedWithTheLastTask() throws Exception {
    try (TestDatabase db = TestDatabase.postgres()) {
      StorePipelineStore store = StorePipelineStore.migrated(db.jdbcUrl());
      long before = sessionsOpened(db);
      PipelineStore.TaskNames names = store.openNames(true, Duration.ofMillis(1));
      PipelineStore.TaskNames other = store.openNames(false, Duration.ofMillis(1));
      Catalog catalog = names.catalog(io.tributary.sql.dialect.Dialects.POSTGRESQL);
      PipelineStore.EdgeLookup lookup = store.openEdgeLookup();
      assertThat(SharedLineageStores.openPools()).isEqualTo(1);
      for (int reload = 0; reload < 10; reload++) {
        Thread.sleep(5);
        assertThat(catalog.table(TableName.of("db", "s", "t"))).isEmpty();
      }
      long opened = sessionsOpened(db) - before;
      // The pool's connections (4 at most) and this check's own sessions; a pool per task and
      // per reload would open 2 or more each.
      assertThat(opened).isLessThanOrEqualTo(4 + 2);

      names.close();
      other.close();
      assertThat(SharedLineageStores.openPools()).isEqualTo(1);
      lookup.close();
      assertThat(SharedLineageStores.openPools()).isZero();
    }
  }

  /** Sessions ever opened to the database (PostgreSQL's statistics, read from a new session). */
  private static long sessionsOpened(TestDatabase db) throws Exception {
    Thread.sleep(1_500); // statistics are flushed about once a second
    try (Connection c = DriverManager.getConnection(db.jdbcUrl());
        Statement sql = c.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT sessions FROM pg_stat_database WHERE datname = current_database()")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
