package io.tributary.api;

import java.time.Duration;

/**
 * The API's settings.
 *
 * @param host the interface to listen on
 * @param port the port; 0 picks a free one
 * @param pageSize items per page of a listing (Secoda: 50)
 * @param maxBodyBytes larger request bodies get 413
 * @param maxSqlChars longer SQL gets 413
 * @param defaultGraphDepth the graph walk's depth when none is asked for
 * @param maxGraphDepth deeper graph walks get 400
 * @param maxGraphNodes a graph walk stops (and says {@code truncated}) at this many nodes
 * @param catalogMaxAge how old the name-resolution catalog may get before a background reload
 * @param analysisTimeout the longest one statement may take to analyze
 * @param storeProbeTimeout how long {@code /health/ready} waits for the store's {@code SELECT 1}
 * @param bodyReadTimeout how long a request body may stall before the request is a 400 (also how
 *     long an idle connection is kept open)
 */
public record ApiConfig(
    String host,
    int port,
    int pageSize,
    long maxBodyBytes,
    int maxSqlChars,
    int defaultGraphDepth,
    int maxGraphDepth,
    int maxGraphNodes,
    Duration catalogMaxAge,
    Duration analysisTimeout,
    Duration storeProbeTimeout,
    Duration bodyReadTimeout) {

  public ApiConfig {
    if (pageSize < 1 || maxBodyBytes < 1 || maxSqlChars < 1) {
      throw new IllegalArgumentException("page size and limits must be positive");
    }
    if (defaultGraphDepth < 1 || defaultGraphDepth > maxGraphDepth) {
      throw new IllegalArgumentException("the default graph depth must be 1..maxGraphDepth");
    }
    if (storeProbeTimeout.isNegative() || storeProbeTimeout.isZero()) {
      throw new IllegalArgumentException("the store probe timeout must be positive");
    }
    if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
      throw new IllegalArgumentException("the body read timeout must be positive");
    }
  }

  /**
   * Port 8080 on all interfaces, 50 per page, 1 MiB bodies, 100,000 characters of SQL; the
   * readiness probe waits 2 s (within a container healthcheck's usual 3 s timeout); a body may
   * stall 5 s.
   */
  public static ApiConfig defaults() {
    return new ApiConfig(
        "0.0.0.0",
        8080,
        50,
        1024 * 1024,
        100_000,
        3,
        10,
        10_000,
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }

  public ApiConfig withPort(int newPort) {
    return new ApiConfig(
        host,
        newPort,
        pageSize,
        maxBodyBytes,
        maxSqlChars,
        defaultGraphDepth,
        maxGraphDepth,
        maxGraphNodes,
        catalogMaxAge,
        analysisTimeout,
        storeProbeTimeout,
        bodyReadTimeout);
  }

  public ApiConfig withHost(String newHost) {
    return new ApiConfig(
        newHost,
        port,
        pageSize,
        maxBodyBytes,
        maxSqlChars,
        defaultGraphDepth,
        maxGraphDepth,
        maxGraphNodes,
        catalogMaxAge,
        analysisTimeout,
        storeProbeTimeout,
        bodyReadTimeout);
  }

  public ApiConfig withLimits(long newMaxBodyBytes, int newMaxSqlChars) {
    return new ApiConfig(
        host,
        port,
        pageSize,
        newMaxBodyBytes,
        newMaxSqlChars,
        defaultGraphDepth,
        maxGraphDepth,
        maxGraphNodes,
        catalogMaxAge,
        analysisTimeout,
        storeProbeTimeout,
        bodyReadTimeout);
  }

  public ApiConfig withCatalogMaxAge(Duration newMaxAge) {
    return new ApiConfig(
        host,
        port,
        pageSize,
        maxBodyBytes,
        maxSqlChars,
        defaultGraphDepth,
        maxGraphDepth,
        maxGraphNodes,
        newMaxAge,
        analysisTimeout,
        storeProbeTimeout,
        bodyReadTimeout);
  }

  public ApiConfig withStoreProbeTimeout(Duration newTimeout) {
    return new ApiConfig(
        host,
        port,
        pageSize,
        maxBodyBytes,
        maxSqlChars,
        defaultGraphDepth,
        maxGraphDepth,
        maxGraphNodes,
        catalogMaxAge,
        analysisTimeout,
        newTimeout,
        bodyReadTimeout);
  }

  public ApiConfig withBodyReadTimeout(Duration newTimeout) {
    return new ApiConfig(
        host,
        port,
        pageSize,
        maxBodyBytes,
        maxSqlChars,
        defaultGraphDepth,
        maxGraphDepth,
        maxGraphNodes,
        catalogMaxAge,
        analysisTimeout,
        storeProbeTimeout,
        newTimeout);
  }
}
