package io.tributary.sql.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The lines of a byte stream, each decoded as UTF-8 on its own, so that one line with bytes that
 * are not UTF-8 is reported as such instead of silently repaired, and the lines after it still
 * read. A line ends at {@code \n}; a {@code \r} before it is dropped. Reads only what it returns: a
 * line is handed out as soon as its end arrives.
 */
final class Utf8Lines {

  /** One line: its text, or where its first byte that is not UTF-8 is. */
  record Line(Optional<String> text, int malformedAt) {}

  private final InputStream in;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private boolean ended;

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (ended) {
      return null;
    }
    buffer.reset();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      buffer.write(b);
    }
    if (b == -1) {
      ended = true;
      if (buffer.size() == 0) {
        return null;
      }
    }
    byte[] bytes = buffer.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return decode(ByteBuffer.wrap(bytes, 0, length));
  }

  private Line decode(ByteBuffer bytes) {
    decoder.reset();
    CharBuffer chars = CharBuffer.allocate(bytes.remaining());
    var result = decoder.decode(bytes, chars, true);
    if (result.isError()) {
      return new Line(Optional.empty(), bytes.position());
    }
    result = decoder.flush(chars);
    if (result.isError()) {
      return new Line(Optional.empty(), bytes.position());
    }
    return new Line(Optional.of(chars.flip().toString()), -1);
  }
}
