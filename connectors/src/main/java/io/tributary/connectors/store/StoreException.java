package io.tributary.connectors.store;

import java.sql.SQLException;

/**
 * A failure of the store (connection, SQL), not of the caller's input; a {@link
 * StoreUnavailableException} when the store cannot be reached.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The exception for a failed statement: unavailable when the connection failed. */
  static StoreException of(String message, SQLException e) {
    return StoreUnavailableException.isConnectionFailure(e)
        ? new StoreUnavailableException(message, e)
        : new StoreException(message, e);
  }

  /** The exception for a connection the pool could not hand out, whatever the reason. */
  static StoreUnavailableException noConnection(SQLException e) {
    return new StoreUnavailableException("lineage store unavailable: " + e.getMessage(), e);
  }
}
