package io.tributary.connectors.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The store cannot be reached: no connection came from the pool (the database down or unreachable,
 * every connection busy past the pool's timeout, the pool closed) or the connection broke. Worth
 * retrying later, unlike a {@link StoreException} for a statement the database refused.
 */
public final class StoreUnavailableException extends StoreException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether this failure, or one of its causes, is about the connection rather than the statement:
   * SQLState class 08 (connection exception; HikariCP's pool timeout, a {@link
   * SQLTransientConnectionException}, carries its last attempt's state or none), PostgreSQL's 57P
   * (the server shutting down or the database dropped under the connection), or the JDBC connection
   * exception types H2 uses.
   */
  public static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
