package io.tributary.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tributary.api.exceptions.UnauthorizedException;
import io.tributary.api.service.TokenAuthenticator;

/** Every request needs {@code Authorization: Bearer <token>} with a token of the store. */
final class BearerTokenCheck implements Handler {

  private final TokenAuthenticator authenticator;

  BearerTokenCheck(TokenAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void handle(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedException("Authentication credentials were not provided.");
    }
    if (!authenticator.isValid(header.substring(7).trim())) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new UnauthorizedException("Invalid token.");
    }
  }
}
