package io.tributary.api.resources;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Percent-decoding that refuses what lenient decoders let through: a {@code %} without two hex
 * digits after it (dropped or kept as is), bytes that are not UTF-8 (turned into U+FFFD) and NUL
 * (which PostgreSQL cannot store).
 */
public final class StrictPercentDecoder {

  private StrictPercentDecoder() {}

  /**
   * The decoded text.
   *
   * @param plusIsSpace whether {@code +} means a space (query strings)
   * @throws IllegalArgumentException saying what is wrong, to follow the part's name
   */
  public static String decode(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()
            || !HexFormat.isHexDigit(raw.charAt(i + 1))
            || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
          throw new IllegalArgumentException(
              "has a malformed percent escape: \""
                  + raw.substring(i, Math.min(i + 3, raw.length()))
                  + "\"");
        }
        bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
        i++;
      } else {
        int end = i + 1;
        while (end < raw.length() && raw.charAt(end) != '%' && raw.charAt(end) != '+') {
          end++;
        }
        bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("is not valid UTF-8 once percent-decoded");
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("must not contain NUL (%00)");
    }
    return text;
  }
}
