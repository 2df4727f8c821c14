package io.tributary.connectors.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** API tokens. The store keeps only a SHA-256 of each token; the token is shown once. */
public final class TokenDao {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions tx;

  TokenDao(Transactions tx) {
    this.tx = tx;
  }

  /** Creates a token and returns it; it cannot be read back later. */
  public String create(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a token needs a name");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = "trb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tx.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_tokens (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, name);
            ps.setString(3, hash(token));
            ps.setObject(4, Timestamps.toDb(Timestamps.now()));
            return ps.executeUpdate();
          }
        });
    return token;
  }

  public boolean isValid(String token) {
    if (token == null || token.isEmpty() || token.length() > 512) {
      return false;
    }
    String hash = hash(token);
    return tx.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM api_tokens WHERE token_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
