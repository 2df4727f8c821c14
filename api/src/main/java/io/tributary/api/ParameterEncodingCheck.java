package io.tributary.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.resources.QueryString;
import io.tributary.api.resources.StrictPercentDecoder;

/**
 * A 400 naming the path or query parameter whose percent-encoding is malformed, before the endpoint
 * runs, whether or not it reads that parameter: lenient decoding would drop it or turn it into
 * U+FFFD and answer 200. Runs once the endpoint is matched, so that a path segment can be named
 * after its {@code {parameter}}.
 */
final class ParameterEncodingCheck implements Handler {

  @Override
  public void handle(Context ctx) {
    checkPath(ctx.req().getRequestURI(), ctx.endpointHandlerPath());
    QueryString.of(ctx); // decodes every query parameter, so a malformed one fails here
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
}
