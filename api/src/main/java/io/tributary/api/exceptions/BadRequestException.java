package io.tributary.api.exceptions;

/** 400: a malformed id, parameter or body. */
public final class BadRequestException extends ApiException {
  public BadRequestException(String message) {
    super(400, message);
  }
}
