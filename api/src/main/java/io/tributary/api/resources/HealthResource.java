package io.tributary.api.resources;

import io.javalin.http.Context;
import io.tributary.api.service.StoreProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (the store answers
 * too: 200, else 503), for container healthchecks; neither needs a token.
 */
public final class HealthResource {

  /** Liveness: the process serves requests. */
  public static final String LIVE = "/health/live";

  /** Readiness: the store answers too. */
  public static final String READY = "/health/ready";

  private final StoreProbe probe;

  public HealthResource(StoreProbe probe) {
    this.probe = probe;
  }

  public void live(Context ctx) {
    ctx.json(Map.of("status", "UP"));
  }

  public void ready(Context ctx) {
    Optional<String> problem = probe.problem();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("status", problem.isEmpty() ? "UP" : "DOWN");
    body.put("store", problem.isEmpty() ? "UP" : "DOWN");
    problem.ifPresent(p -> body.put("error", p));
    ctx.status(problem.isEmpty() ? 200 : 503).json(body);
  }
}
