package io.tributary.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tributary.api.exceptions.ApiException;
import io.tributary.api.exceptions.InvalidSqlException;
import io.tributary.api.json.ApiJson;
import io.tributary.connectors.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to JSON error bodies ({@code {"message", "status"}}) at the API's edge. A store
 * that cannot be reached is a 503 with {@code Retry-After}; only a failure of the service itself (a
 * bug, a statement the store refuses) is a 500. No body holds a stack trace.
 */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  /** Seconds a client should wait before retrying while the store is unavailable. */
  static final int RETRY_AFTER_SECONDS = 5;

  private ErrorResponses() {}

  static void register(Javalin app) {
    app.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), body(e)));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> write(ctx, e.getStatus(), ApiJson.error(e.getStatus(), message(e))));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          if (StoreUnavailableException.isConnectionFailure(e)
              || causes(e).anyMatch(StoreUnavailableException.class::isInstance)) {
            unavailable(ctx, e);
            return;
          }
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

  /** One WARN line, no stack trace: an outage would otherwise flood the log. */
  private static void unavailable(Context ctx, Exception e) {
    Throwable root = causes(e).reduce((first, second) -> second).orElse(e);
    Throwable failure = causes(e).filter(SQLException.class::isInstance).findFirst().orElse(root);
    String state =
        causes(e)
            .filter(t -> t instanceof SQLException sql && sql.getSQLState() != null)
            .map(t -> " (SQL state " + ((SQLException) t).getSQLState() + ")")
            .findFirst()
            .orElse("");
    LOG.warn(
        "{} {}: 503, the lineage store is unavailable: {}{}",
        ctx.method(),
        ctx.path(),
        (failure == root ? String.valueOf(root) : failure + ", caused by " + root)
            .replaceAll("\\s+", " "),
        state);
    ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    write(ctx, 503, ApiJson.error(503, "The lineage store is unavailable; try again later."));
  }

  private static Stream<Throwable> causes(Throwable e) {
    return Stream.iterate(e, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
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
