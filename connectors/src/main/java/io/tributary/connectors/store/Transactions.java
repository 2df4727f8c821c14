package io.tributary.connectors.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in a transaction and retries it when the database reports a conflict that a retry
 * resolves: a deadlock, a serialization failure, or a unique key raced by a concurrent insert (H2's
 * MERGE is not atomic against concurrent inserts of the same key).
 */
final class Transactions {

  private static final int ATTEMPTS = 8;

  /** Work on a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T inTransaction(Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if (!retryable(e)) {
          throw StoreException.of("lineage store: " + e.getMessage(), e);
        }
        last = e;
        sleepBeforeRetry(attempt);
      }
    }
    throw new StoreException("lineage store: gave up after " + ATTEMPTS + " conflicts", last);
  }

  /** Work that reads only: autocommit, no retry. */
  <T> T read(Work<T> work) {
    try (Connection c = connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw StoreException.of("lineage store: " + e.getMessage(), e);
    }
  }

  private Connection connect() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw StoreException.noConnection(e);
    }
  }

  private static boolean retryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        // 40001 serialization failure, 40P01 deadlock (PostgreSQL), 23505 unique violation,
        // HYT00 lock timeout (H2).
        if (state.equals("40001")
            || state.equals("40P01")
            || state.equals("23505")
            || state.equals("HYT00")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void sleepBeforeRetry(int attempt) {
    try {
      Thread.sleep((long) (Math.random() * 5 * attempt) + 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted", e);
    }
  }
}
