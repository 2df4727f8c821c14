package io.tributary.api.resources;

import io.javalin.http.Context;
import io.tributary.api.exceptions.BadRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query parameters, decoded strictly as UTF-8 whatever charset a {@code Content-Type}
 * names (Javalin's own decoding follows it, and drops a parameter it cannot decode).
 */
public final class QueryString {

  private static final String ATTRIBUTE = QueryString.class.getName();

  private final Map<String, List<String>> values;

  private QueryString(Map<String, List<String>> values) {
    this.values = values;
  }

  /** This request's parameters, decoded on first use; 400 naming a malformed one. */
  public static QueryString of(Context ctx) {
    QueryString query = ctx.attribute(ATTRIBUTE);
    if (query == null) {
      query = parse(ctx.queryString());
      ctx.attribute(ATTRIBUTE, query);
    }
    return query;
  }

  static QueryString parse(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return new QueryString(values);
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      try {
        name = StrictPercentDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), true);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("a query parameter name " + e.getMessage());
      }
      String value;
      try {
        value = eq < 0 ? "" : StrictPercentDecoder.decode(pair.substring(eq + 1), true);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("query parameter \"" + name + "\" " + e.getMessage());
      }
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new QueryString(values);
  }

  /** The first value of a parameter, null when absent. */
  public String first(String name) {
    List<String> all = values.get(name);
    return all == null ? null : all.get(0);
  }

  /** Every value of a parameter, in order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public Map<String, List<String>> asMap() {
    return values;
  }
}
