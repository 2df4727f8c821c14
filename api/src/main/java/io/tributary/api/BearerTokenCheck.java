package io.tributary.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.tributary.api.exceptions.UnauthorizedException;
import io.tributary.api.service.TokenAuthenticator;
import java.util.Set;

/**
 * Every request needs {@code Authorization: Bearer <token>} with a token of the store, except on
 * the open paths (the healthchecks, the explorer page) and GETs under the open prefixes (the
 * explorer's static assets).
 */
final class BearerTokenCheck implements Handler {

  private final TokenAuthenticator authenticator;
  private final Set<String> openPaths;
  private final Set<String> openPrefixes;

  BearerTokenCheck(
      TokenAuthenticator authenticator, Set<String> openPaths, Set<String> openPrefixes) {
    this.authenticator = authenticator;
    this.openPaths = Set.copyOf(openPaths);
    this.openPrefixes = Set.copyOf(openPrefixes);
  }

  @Override
  public void handle(Context ctx) {
    // Compared undecoded: only the exact spellings are open, any encoded variant needs a token.
    String path = ctx.path();
    if (openPaths.contains(path)
        || openPaths.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path)) {
      return;
    }
    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    if (read && openPrefixes.stream().anyMatch(path::startsWith)) {
      return;
    }
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
