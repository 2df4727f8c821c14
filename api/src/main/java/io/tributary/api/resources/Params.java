package io.tributary.api.resources;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.EchoedValue;
import io.tributary.connectors.store.LineageView;
import io.tributary.sql.json.JsonErrors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reading ids, lists, pages and JSON bodies from a request, with a 400 for anything malformed. */
final class Params {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The most ids one filter may list. */
  static final int MAX_IDS = 1000;

  private Params() {}

  static UUID uuid(String value, String what) {
    String v = value == null ? "" : value.trim();
    if (!UUID_TEXT.matcher(v).matches()) {
      throw new BadRequestException(what + " is not a valid id: '" + EchoedValue.of(value) + "'");
    }
    return UUID.fromString(v);
  }

  static UUID pathId(Context ctx, String name) {
    return uuid(ctx.pathParam(name), name);
  }

  /** A query parameter, empty when absent or blank. */
  static Optional<String> query(Context ctx, String name) {
    return Optional.ofNullable(QueryString.of(ctx).first(name)).filter(s -> !s.isBlank());
  }

  /** Comma-separated ids, from one or several occurrences of the parameter. */
  static List<UUID> idList(Context ctx, String name) {
    List<UUID> ids = new ArrayList<>();
    for (String value : QueryString.of(ctx).all(name)) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          ids.add(uuid(part, name));
        }
      }
    }
    if (ids.size() > MAX_IDS) {
      throw new BadRequestException(name + " lists more than " + MAX_IDS + " ids");
    }
    return ids;
  }

  /** The 1-based {@code page} parameter, 1 when absent. */
  static int page(Context ctx) {
    Optional<String> page = query(ctx, "page");
    if (page.isEmpty()) {
      return 1;
    }
    try {
      int p = Integer.parseInt(page.get().trim());
      if (p < 1) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "page must be a positive whole number, not '" + EchoedValue.of(page.get()) + "'");
    }
  }

  static int intParam(Context ctx, String name, int fallback) {
    Optional<String> value = query(ctx, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get().trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          name + " must be a whole number, not '" + EchoedValue.of(value.get()) + "'");
    }
  }

  /** The URL of another page of this listing: this URL with {@code page} replaced. */
  static String pageUrl(Context ctx, int page) {
    StringBuilder url = new StringBuilder();
    url.append(ctx.scheme()).append("://").append(ctx.host()).append(ctx.path()).append('?');
    for (Map.Entry<String, List<String>> e : QueryString.of(ctx).asMap().entrySet()) {
      if (e.getKey().equals("page")) {
        continue;
      }
      for (String v : e.getValue()) {
        url.append(encode(e.getKey())).append('=').append(encode(v)).append('&');
      }
    }
    return url.append("page=").append(page).toString();
  }

  /** The body as a JSON object. */
  static JsonNode body(Context ctx, ObjectMapper mapper) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new BadRequestException("the request needs a JSON object body");
    }
    JsonNode node;
    try {
      node = mapper.readTree(bytes);
    } catch (JacksonException e) {
      throw new BadRequestException("the body is not valid JSON: " + JsonErrors.describe(e));
    } catch (java.io.IOException e) {
      throw new BadRequestException("the body cannot be read");
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException("the body must be a JSON object");
    }
    return node;
  }

  /**
   * A text field of a body; 400 when it is there but not a string, holds NUL (PostgreSQL cannot
   * store it) or half a surrogate pair ({@code "\\ud800"}: PostgreSQL would store {@code ?}).
   */
  static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new BadRequestException("\"" + field + "\" must be a string");
    }
    String text = value.asText();
    if (text.indexOf('\0') >= 0) {
      throw new BadRequestException("\"" + field + "\" must not contain NUL (\\u0000)");
    }
    if (!isWellFormed(text)) {
      throw new BadRequestException("\"" + field + "\" holds an unpaired surrogate escape");
    }
    return Optional.of(text).filter(s -> !s.isBlank());
  }

  static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Which lineage a read sees: {@code as_of} (a date, meaning the end of that day in UTC, or an
   * ISO-8601 timestamp, UTC when it names no offset), {@code include_retired} and {@code
   * include_dropped} ({@code true} or {@code false}, default false).
   */
  static LineageView view(Context ctx) {
    return new LineageView(
        query(ctx, "as_of").map(Params::asOf),
        bool(ctx, "include_retired"),
        bool(ctx, "include_dropped"));
  }

  static Instant asOf(String value) {
    String v = value.trim();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v)
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .minusNanos(1000);
      }
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime o
          ? o.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new BadRequestException(
          "as_of must be a date (2025-03-01) or a timestamp (2025-03-01T12:00:00Z), not '"
              + EchoedValue.of(value)
              + "'");
    }
  }

  /** A {@code true}/{@code false} query parameter, false when absent. */
  static boolean bool(Context ctx, String name) {
    Optional<String> value = query(ctx, name);
    if (value.isEmpty()) {
      return false;
    }
    return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new BadRequestException(
              name + " must be true or false, not '" + EchoedValue.of(value.get()) + "'");
    };
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
