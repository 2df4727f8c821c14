package io.tributary.api.exceptions;

/**
 * A caller's invalid value as an error message repeats it: cut to its first {@value #MAX_CHARS}
 * characters and an ellipsis, so that a huge bad value does not come back as a huge error.
 */
public final class EchoedValue {

  public static final int MAX_CHARS = 100;

  private EchoedValue() {}

  public static String of(String value) {
    if (value == null || value.length() <= MAX_CHARS) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return value.substring(0, end) + "…";
  }
}
