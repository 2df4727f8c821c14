package io.tributary.api.exceptions;

/** 401: no bearer token, or one the store does not know. */
public final class UnauthorizedException extends ApiException {
  public UnauthorizedException(String message) {
    super(401, message);
  }
}
