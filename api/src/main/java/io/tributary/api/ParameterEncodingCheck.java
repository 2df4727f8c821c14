package io.tributary.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tributary.api.exceptions.BadRequestException;

/**
 * A 400 naming the parameter whose percent-encoding is malformed, before an endpoint reads it:
 * Javalin's own decoding would drop it or turn it into U+FFFD and answer 200. Runs once the
 * endpoint is matched, so that a path segment can be named after its {@code {parameter}}.
 */
final class ParameterEncodingCheck implements Handler {

  @Override
  public void handle(Context ctx) {
    checkPath(ctx.req().getRequestURI(), ctx.endpointHandlerPath());
    String query = ctx.queryString();
    if (query != null) {
      checkQuery(query);
    }
  }

  private static void checkPath(String rawPath, String template) {
    String[] segments = rawPath.split("/", -1);
    String[] names = template.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      try {
        StrictPercentDecoder.decode(segments[i], false);
      } catch (IllegalArgumentException e) {
        String name = i < names.length ? parameterName(names[i]) : null;
        throw new BadRequestException(
            (name == null ? "the path" : "path parameter \"" + name + "\"") + " " + e.getMessage());
      }
    }
  }

  /** {@code lineage_id} of a template segment {@code {lineage_id}}; null for a literal one. */
  private static String parameterName(String segment) {
    boolean braces = segment.startsWith("{") && segment.endsWith("}");
    boolean angles = segment.startsWith("<") && segment.endsWith(">");
    return braces || angles ? segment.substring(1, segment.length() - 1) : null;
  }

  private static void checkQuery(String query) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name;
      try {
        name = StrictPercentDecoder.decode(rawName, true);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("a query parameter name " + e.getMessage());
      }
      if (eq >= 0) {
        try {
          StrictPercentDecoder.decode(pair.substring(eq + 1), true);
        } catch (IllegalArgumentException e) {
          throw new BadRequestException("query parameter \"" + name + "\" " + e.getMessage());
        }
      }
    }
  }
}
