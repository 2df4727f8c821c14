package io.tributary.connectors.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a stream while knowing each line's byte offset, which a {@code
 * BufferedReader} does not: a split of a file owns the lines that start inside its byte range.
 */
final class LineReader {

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long offset;
  private byte[] line = new byte[1 << 12];
  private long lineStart;

  /** {@code offset} is the stream's position in its file. */
  LineReader(InputStream in, long offset) {
    this.in = in;
    this.offset = offset;
  }

  /** The offset of the next byte to read: the start of the next line after a whole line. */
  long offset() {
    return offset;
  }

  /** The offset where the line last returned by {@link #readLine()} starts. */
  long lineStart() {
    return lineStart;
  }

  /** Skips to the start of the next line; false at the end of the stream. */
  boolean skipLine() throws IOException {
    while (true) {
      if (position == limit && !fill()) {
        return false;
      }
      while (position < limit) {
        offset++;
        if (buffer[position++] == '\n') {
          return true;
        }
      }
    }
  }

  /** The next line without its line terminator ({@code \n} or {@code \r\n}); null at the end. */
  String readLine() throws IOException {
    lineStart = offset;
    int length = 0;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any ? decode(length) : null;
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int n = position - start;
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
      }
      System.arraycopy(buffer, start, line, length, n);
      length += n;
      offset += n;
      if (position < limit) {
        position++;
        offset++;
        return decode(length);
      }
    }
  }

  private String decode(int length) {
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new String(line, 0, length, StandardCharsets.UTF_8);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
