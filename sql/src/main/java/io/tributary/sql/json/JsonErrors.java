package io.tributary.sql.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Pattern;

/**
 * What is wrong with JSON that does not parse, in words a user can act on: Jackson's own message
 * with its position, without the names of its classes or methods.
 */
public final class JsonErrors {

  /** Jackson's pointer to the setting behind a limit, such as {@code , from `Foo.bar()`}. */
  private static final Pattern CODE_REFERENCE = Pattern.compile(",?\\s*from\\s*`[^`]*`");

  /** Jackson's description of a location inside the message, such as an array's start. */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  /** A fully qualified Java name such as {@code java.lang.String} or {@code com.fasterxml.…}. */
  private static final Pattern JAVA_NAME =
      Pattern.compile("`?\\b(?:java|javax|com\\.fasterxml|io\\.tributary)(?:\\.[\\w$]+)+`?");

  private JsonErrors() {}

  /** The problem alone, without its position. */
  public static String problem(JacksonException e) {
    String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    message = CODE_REFERENCE.matcher(message).replaceAll("");
    message = SOURCE.matcher(message).replaceAll("line $1, column $2");
    message = JAVA_NAME.matcher(message).replaceAll("a value");
    message = message.replace("`", "'");
    return message.replaceAll("\\s+", " ").trim();
  }

  /** The problem, then {@code at line L, column C} when Jackson knows where. */
  public static String describe(JacksonException e) {
    JsonLocation where = e.getLocation();
    return where != null && where.getLineNr() > 0
        ? problem(e) + " at line " + where.getLineNr() + ", column " + where.getColumnNr()
        : problem(e);
  }

  /** The column of the problem in a one-line document, 0 when unknown. */
  public static int column(JacksonException e) {
    JsonLocation where = e.getLocation();
    return where == null ? 0 : Math.max(0, where.getColumnNr());
  }
}
