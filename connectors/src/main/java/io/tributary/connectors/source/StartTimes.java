package io.tributary.connectors.source;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads the start times query logs carry: epoch seconds or milliseconds (told apart by size),
 * ISO-8601 instants with or without offset ({@code 2024-05-01T10:00:00Z}, {@code 2024-05-01
 * 10:00:00.123+02}), or a local date-time taken as UTC.
 */
public final class StartTimes {

  /** Numbers below this are seconds: 10^11 seconds is the year 5138, 10^11 millis is 1973. */
  private static final long SECONDS_LIMIT = 100_000_000_000L;

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter();

  private static final DateTimeFormatter WITH_OFFSET =
      new DateTimeFormatterBuilder()
          .append(LOCAL)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:mm", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .toFormatter();

  private StartTimes() {}

  /**
   * Epoch milliseconds of a time value; throws {@link IllegalArgumentException} when unreadable.
   */
  public static long parseMillis(String value) {
    String text = value.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty start time");
    }
    if (isNumber(text)) {
      if (text.contains(".")) {
        double seconds = Double.parseDouble(text);
        return seconds < SECONDS_LIMIT ? Math.round(seconds * 1000) : Math.round(seconds);
      }
      long number = Long.parseLong(text);
      return Math.abs(number) < SECONDS_LIMIT ? number * 1000 : number;
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException notInstant) {
      // fall through to the more lenient forms
    }
    try {
      return OffsetDateTime.parse(text, WITH_OFFSET).toInstant().toEpochMilli();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("unreadable start time '" + value + "'", e);
      }
    }
  }

  private static boolean isNumber(String text) {
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!(c == '.' || (i == 0 && c == '-'))) {
        return false;
      }
    }
    return digit;
  }
}
