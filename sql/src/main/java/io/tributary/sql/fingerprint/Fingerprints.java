package io.tributary.sql.fingerprint;

import io.tributary.sql.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes a {@link NormalizedStatement} into 32 hex characters (MD5: every JVM has it, and the
 * fingerprint groups reruns of a statement; it is not a security boundary). The dialect's name is
 * part of the hash because the same text resolves to different names in different dialects.
 */
public final class Fingerprints {

  private static final HexFormat HEX = HexFormat.of();

  private Fingerprints() {}

  public static String of(String sql, Dialect dialect) {
    MessageDigest md5 = md5();
    md5.update(dialect.name().getBytes(StandardCharsets.UTF_8));
    md5.update((byte) 0);
    md5.update(NormalizedStatement.of(sql, dialect).getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(md5.digest());
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }
}
