package io.tributary.api.service;

import io.tributary.connectors.store.TokenDao;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks bearer tokens against the store, remembering valid ones for a minute so that a request
 * does not cost a token lookup (a token deleted from the store stops working within that minute).
 */
public final class TokenAuthenticator {

  private static final long REMEMBER_NANOS = 60_000_000_000L;
  private static final int MAX_REMEMBERED = 10_000;

  private final TokenDao tokens;
  private final ConcurrentHashMap<String, Long> validUntil = new ConcurrentHashMap<>();

  public TokenAuthenticator(TokenDao tokens) {
    this.tokens = tokens;
  }

  public boolean isValid(String token) {
    long now = System.nanoTime();
    Long until = validUntil.get(token);
    if (until != null && now - until < 0) {
      return true;
    }
    boolean valid = tokens.isValid(token);
    if (valid) {
      if (validUntil.size() >= MAX_REMEMBERED) {
        validUntil.clear();
      }
      validUntil.put(token, now + REMEMBER_NANOS);
    } else {
      validUntil.remove(token);
    }
    return valid;
  }
}
