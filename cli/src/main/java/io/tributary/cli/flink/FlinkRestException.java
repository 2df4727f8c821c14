package io.tributary.cli.flink;

/** The Flink REST API answered with an error status; the message holds Flink's first error. */
public final class FlinkRestException extends RuntimeException {
  private final int status;

  public FlinkRestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status code, or 0 when no answer came. */
  public int status() {
    return status;
  }
}
