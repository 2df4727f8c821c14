package io.tributary.jobs.pipeline;

import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The deduplication key of a statement; never throws, whatever the text. */
final class Fingerprinting {

  private Fingerprinting() {}

  /** The analyzer's fingerprint, or a digest of the whitespace-collapsed text if it fails. */
  static String fingerprint(String sql, Dialect dialect) {
    try {
      return QueryFingerprint.of(sql, dialect);
    } catch (RuntimeException | StackOverflowError e) {
      return md5(sql.strip().replaceAll("\\s+", " "));
    }
  }

  static String md5(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
