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
    return builder().build();
  }

  /** A builder holding {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .pageSize(pageSize)
        .maxBodyBytes(maxBodyBytes)
        .maxSqlChars(maxSqlChars)
        .defaultGraphDepth(defaultGraphDepth)
        .maxGraphDepth(maxGraphDepth)
        .maxGraphNodes(maxGraphNodes)
        .catalogMaxAge(catalogMaxAge)
        .analysisTimeout(analysisTimeout)
        .storeProbeTimeout(storeProbeTimeout)
        .bodyReadTimeout(bodyReadTimeout);
  }

  /** Starts from the defaults; {@link #build()} checks the result. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private int pageSize = 50;
    private long maxBodyBytes = 1024 * 1024;
    private int maxSqlChars = 100_000;
    private int defaultGraphDepth = 3;
    private int maxGraphDepth = 10;
    private int maxGraphNodes = 10_000;
    private Duration catalogMaxAge = Duration.ofSeconds(10);
    private Duration analysisTimeout = Duration.ofSeconds(10);
    private Duration storeProbeTimeout = Duration.ofSeconds(2);
    private Duration bodyReadTimeout = Duration.ofSeconds(5);

    private Builder() {}

    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    public Builder maxBodyBytes(long value) {
      this.maxBodyBytes = value;
      return this;
    }

    public Builder maxSqlChars(int value) {
      this.maxSqlChars = value;
      return this;
    }

    public Builder defaultGraphDepth(int value) {
      this.defaultGraphDepth = value;
      return this;
    }

    public Builder maxGraphDepth(int value) {
      this.maxGraphDepth = value;
      return this;
    }

    public Builder maxGraphNodes(int value) {
      this.maxGraphNodes = value;
      return this;
    }

    public Builder catalogMaxAge(Duration value) {
      this.catalogMaxAge = value;
      return this;
    }

    public Builder analysisTimeout(Duration value) {
      this.analysisTimeout = value;
      return this;
    }

    public Builder storeProbeTimeout(Duration value) {
      this.storeProbeTimeout = value;
      return this;
    }

    public Builder bodyReadTimeout(Duration value) {
      this.bodyReadTimeout = value;
      return this;
    }

    public ApiConfig build() {
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
          bodyReadTimeout);
    }
  }
}
