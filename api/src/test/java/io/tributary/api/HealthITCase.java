package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.LineageStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /health/live} and {@code /health/ready}: no token, JSON, 503 while the store is away. */
public abstract class HealthITCase extends ApiITCaseBase {

  private Response anonymous(String baseUrl, String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  private static void assertJson(Response r, int status, String json) throws Exception {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json()).isEqualTo(JSON.readTree(json));
  }

  private static void assertDown(Response r, String error) {
    assertThat(r.status()).as(r.text()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().path("status").asText()).isEqualTo("DOWN");
    assertThat(r.json().path("store").asText()).isEqualTo("DOWN");
    assertThat(r.json().path("error").asText()).startsWith(error);
    assertThat(r.text()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("jdbc");
  }

  @Test
  void liveAndReadyAnswerWithoutAToken() throws Exception {
    assertJson(anonymous(base, "/health/live"), 200, "{\"status\":\"UP\"}");
    assertJson(anonymous(base, "/health/live/"), 200, "{\"status\":\"UP\"}");
    assertJson(anonymous(base, "/health/ready"), 200, "{\"status\":\"UP\",\"store\":\"UP\"}");
    assertJson(get("/health/ready"), 200, "{\"status\":\"UP\",\"store\":\"UP\"}");
    assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).GET()).text())
        .isEqualTo("{\"status\":\"UP\",\"store\":\"UP\"}");
  }

  @Test
  void onlyTheTwoHealthPathsAreOpen() {
    for (String path :
        List.of("/health", "/health/other", "/health/live/x", "/health/%6Cive", "/resources")) {
      Response r = anonymous(base, path);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.json().path("status").asInt()).isEqualTo(401);
      assertThat(r.json().path("message").asText()).isNotBlank();
    }
    Response wrongMethod =
        send(
            HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().path("status").asInt()).isEqualTo(405);
  }

  @Test
  void readyIs503WhileThePoolHasNoConnectionAndRecovers() throws Exception {
    try (LineageStore small = LineageStore.open(database.jdbcUrl(), 2);
        LineageApi second =
            LineageApi.start(small, ApiConfig.builder().host("127.0.0.1").port(0).build())) {
      String url = "http://127.0.0.1:" + second.port();
      assertJson(anonymous(url, "/health/ready"), 200, "{\"status\":\"UP\",\"store\":\"UP\"}");

      List<Connection> held = new ArrayList<>();
      try {
        held.add(small.dataSource().getConnection());
        held.add(small.dataSource().getConnection());
        long start = System.nanoTime();
        assertDown(anonymous(url, "/health/ready"), "the store did not answer within 2000 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_900L, 10_000L);
        assertJson(anonymous(url, "/health/live"), 200, "{\"status\":\"UP\"}");
      } finally {
        for (Connection c : held) {
          c.close();
        }
      }
      assertJson(anonymous(url, "/health/ready"), 200, "{\"status\":\"UP\",\"store\":\"UP\"}");

      small.close();
      assertDown(anonymous(url, "/health/ready"), "the store query failed");
      assertJson(anonymous(url, "/health/live"), 200, "{\"status\":\"UP\"}");
    }
  }

  @Test
  void theProbeWaitsAsLongAsConfigured() throws Exception {
    try (LineageStore small = LineageStore.open(database.jdbcUrl(), 2);
        LineageApi second =
            LineageApi.start(
                small,
                ApiConfig.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .storeProbeTimeout(Duration.ofMillis(500))
                    .build())) {
      String url = "http://127.0.0.1:" + second.port();
      List<Connection> held = new ArrayList<>();
      try {
        held.add(small.dataSource().getConnection());
        held.add(small.dataSource().getConnection());
        long start = System.nanoTime();
        assertDown(anonymous(url, "/health/ready"), "the store did not answer within 500 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(450L, 1_900L);
      } finally {
        for (Connection c : held) {
          c.close();
        }
      }
      assertJson(anonymous(url, "/health/ready"), 200, "{\"status\":\"UP\",\"store\":\"UP\"}");
    }
  }
}
