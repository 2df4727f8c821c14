package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PostgresStoreUnavailableITCase extends StoreUnavailableITCase {

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }

  /**
   * The database dropped under the API: the request waiting on it gets PostgreSQL's 57P01, the next
   * one HikariCP's timeout (its default 30 s) for want of a new connection.
   */
  @Test
  void aDroppedDatabaseIs503InFlightAndAfter() throws Exception {
    TestDatabase doomed = TestDatabase.postgres();
    String name = doomed.jdbcUrl().replaceAll(".*/([^/?]+)\\?.*", "$1");
    try (LogCapture log = new LogCapture(ErrorResponses.class);
        LineageStore doomedStore = LineageStore.open(doomed.jdbcUrl(), 2);
        LineageApi doomedApi = LineageApi.start(doomedStore, config())) {
      String url = "http://127.0.0.1:" + doomedApi.port();
      String bearer = doomedStore.tokens().create("doomed");
      assertThat(send(request(url, "/resources", bearer).GET()).status()).isEqualTo(200);

      Connection locker = DriverManager.getConnection(doomed.jdbcUrl());
      locker.setAutoCommit(false);
      try (Statement s = locker.createStatement()) {
        s.execute("LOCK TABLE resources IN ACCESS EXCLUSIVE MODE");
      }
      CompletableFuture<Response> inFlight =
          CompletableFuture.supplyAsync(() -> send(request(url, "/resources", bearer).GET()));
      awaitLockWait(name);
      doomed.close();
      assertUnavailable(inFlight.get(30, TimeUnit.SECONDS));
      try {
        locker.close();
      } catch (SQLException ignored) {
        // terminated with its database
      }

      assertThat(log.events().get(0).getMessage().getFormattedMessage())
          .contains("(SQL state 57P01)");

      // The pool's other connections die the same way; then none can be made.
      int requests = 1;
      String last = "";
      while (!last.contains("SQLTransientConnectionException") && requests < 5) {
        long start = System.nanoTime();
        assertUnavailable(
            send(request(url, "/lineage/manual", bearer).GET(), Duration.ofSeconds(60)));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(45);
        requests++;
        last = log.events().get(log.events().size() - 1).getMessage().getFormattedMessage();
      }
      assertThat(last).contains("SQLTransientConnectionException").contains("(SQL state 3D000)");
      assertOneWarnLinePerRequest(log.events(), requests);
    } finally {
      doomed.close();
    }
  }

  private static void awaitLockWait(String database) throws Exception {
    try (Connection admin = DriverManager.getConnection(TestDatabase.POSTGRES_ADMIN_URL);
        PreparedStatement ps =
            admin.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'")) {
      ps.setString(1, database);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the request never waited for the lock");
  }
}
