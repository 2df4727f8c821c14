package io.tributary.api.exceptions;

/** An error the API answers with its own status and a JSON message. */
public abstract class ApiException extends RuntimeException {

  private final int status;

  protected ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
