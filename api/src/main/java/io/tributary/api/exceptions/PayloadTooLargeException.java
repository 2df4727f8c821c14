package io.tributary.api.exceptions;

/** 413: a body or SQL text over the configured size. */
public final class PayloadTooLargeException extends ApiException {
  public PayloadTooLargeException(String message) {
    super(413, message);
  }
}
