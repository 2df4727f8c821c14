package io.tributary.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tributary.api.exceptions.PayloadTooLargeException;

/**
 * Rejects a body over the limit by its declared length before reading it; a body without a declared
 * length is cut by Javalin's own {@code maxRequestSize}, mapped to 413 as well.
 */
final class BodySizeCheck implements Handler {

  private final long maxBodyBytes;

  BodySizeCheck(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(Context ctx) {
    long length = ctx.contentLength();
    if (length > maxBodyBytes) {
      throw new PayloadTooLargeException(
          "the body has " + length + " bytes; the limit is " + maxBodyBytes);
    }
  }
}
