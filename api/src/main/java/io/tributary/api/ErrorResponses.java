package io.tributary.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tributary.api.exceptions.ApiException;
import io.tributary.api.exceptions.InvalidSqlException;
import io.tributary.api.json.ApiJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to JSON error bodies ({@code {"message", "status"}}) at the API's edge. Only a
 * failure of the service itself (the store unreachable, a bug) is a 500, and its body never holds a
 * stack trace.
 */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void register(Javalin app) {
    app.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), body(e)));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> write(ctx, e.getStatus(), ApiJson.error(e.getStatus(), message(e))));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          write(ctx, 500, ApiJson.error(500, "Internal server error"));
        });
    for (int status : new int[] {404, 405}) {
      app.error(
          status,
          ctx -> {
            if (ctx.resultInputStream() == null) {
              write(
                  ctx,
                  status,
                  ApiJson.error(
                      status,
                      status == 404
                          ? "Not found: " + ctx.method() + " " + ctx.path()
                          : "Method not allowed: " + ctx.method() + " " + ctx.path()));
            }
          });
    }
  }

  private static ObjectNode body(ApiException e) {
    ObjectNode node = ApiJson.error(e.status(), e.getMessage());
    if (e instanceof InvalidSqlException sql) {
      node.put("error", sql.kind());
      if (sql.line().isPresent()) {
        node.put("line", sql.line().getAsInt());
      } else {
        node.putNull("line");
      }
      if (sql.column().isPresent()) {
        node.put("column", sql.column().getAsInt());
      } else {
        node.putNull("column");
      }
    }
    return node;
  }

  private static String message(HttpResponseException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "HTTP " + e.getStatus() : m;
  }

  private static void write(Context ctx, int status, ObjectNode body) {
    ctx.status(status).json(body);
  }
}
