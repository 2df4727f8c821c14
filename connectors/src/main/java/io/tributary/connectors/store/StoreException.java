package io.tributary.connectors.store;

/** A failure of the store (connection, SQL), not of the caller's input. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
