package io.tributary.sql.lineage;

/**
 * A statement parses but uses a construct with lineage the extractor does not analyze; the message
 * names the construct. Callers report it as an {@code UNSUPPORTED} error.
 */
public final class UnsupportedLineageException extends UnsupportedOperationException {
  public UnsupportedLineageException(String message) {
    super(message);
  }
}
