package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.LineageStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot be reached is a 503 with {@code Retry-After} on every endpoint, the token
 * check included, and one WARN line per request; a statement the store refuses stays a 500.
 */
public abstract class StoreUnavailableITCase extends ApiITCaseBase {

  static final String UNAVAILABLE =
      "{\"message\":\"The lineage store is unavailable; try again later.\",\"status\":503}";

  protected static void assertUnavailable(Response r) throws Exception {
    assertThat(r.status()).as(r.text()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json()).isEqualTo(JSON.readTree(UNAVAILABLE));
    assertThat(r.header("Retry-After")).isEqualTo("5");
  }

  protected static void assertOneWarnLinePerRequest(List<LogEvent> events, int requests) {
    assertThat(events).hasSize(requests);
    for (LogEvent e : events) {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getThrown()).isNull();
      assertThat(e.getMessage().getFormattedMessage())
          .contains(": 503, the lineage store is unavailable: ")
          .doesNotContain("\n");
    }
  }

  protected static ApiConfig config() {
    return ApiConfig.builder().host("127.0.0.1").port(0).catalogMaxAge(Duration.ZERO).build();
  }

  protected static HttpRequest.Builder request(String url, String path, String bearer) {
    return HttpRequest.newBuilder(URI.create(url + path))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json");
  }

  @Test
  void everyEndpointIs503WhileThePoolIsClosed() throws Exception {
    try (LogCapture log = new LogCapture(ErrorResponses.class);
        LineageStore closing = LineageStore.open(database.jdbcUrl(), 2);
        LineageApi second = LineageApi.start(closing, config())) {
      String url = "http://127.0.0.1:" + second.port();
      assertThat(send(request(url, "/resources", token).GET()).status()).isEqualTo(200);
      String unseen = store.tokens().create("not yet checked");
      closing.close();

      // The token check reads the store before anything else.
      assertUnavailable(send(request(url, "/resources", unseen).GET()));
      assertUnavailable(send(request(url, "/resources", "wrong").GET()));

      UUID a = tableId("customers");
      UUID b = tableId("orders");
      String preview =
          "/lineage/lineage_from_query?dialect=postgresql&sql="
              + enc("INSERT INTO customer_orders SELECT customer_id, 1 FROM customers");
      String write =
          json(
              "dialect",
              "postgresql",
              "default_database",
              "production",
              "default_schema",
              "public",
              "sql",
              "INSERT INTO customer_orders SELECT customer_id, 1 FROM customers");
      List<HttpRequest.Builder> requests =
          List.of(
              request(url, "/resources?search=cust", token).GET(),
              request(url, "/resources/" + a, token).GET(),
              request(url, "/lineage/manual", token).GET(),
              request(url, "/lineage/manual/" + UUID.randomUUID(), token).GET(),
              request(url, "/lineage/manual/" + UUID.randomUUID(), token).DELETE(),
              request(url, "/lineage/manual", token)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(json("from_entity", a, "to_entity", b))),
              request(url, "/lineage/graph?entity_id=" + a, token).GET(),
              request(url, preview, token).GET(),
              request(url, "/lineage/lineage_from_query", token)
                  .POST(HttpRequest.BodyPublishers.ofString(write)),
              request(url, "/lineage/lineage_from_query", token)
                  .method("PATCH", HttpRequest.BodyPublishers.ofString(write)));
      for (HttpRequest.Builder r : requests) {
        assertUnavailable(send(r));
      }
      assertOneWarnLinePerRequest(log.events(), 2 + requests.size());

      // What needs no store still answers as usual.
      Response noToken = send(HttpRequest.newBuilder(URI.create(url + "/resources")).GET());
      assertThat(noToken.status()).isEqualTo(401);
      assertThat(noToken.header("Retry-After")).isNull();
      Response ready = send(HttpRequest.newBuilder(URI.create(url + "/health/ready")).GET());
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("status").asText()).isEqualTo("DOWN");
      Response live = send(HttpRequest.newBuilder(URI.create(url + "/health/live")).GET());
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.json()).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
      assertThat(log.events()).hasSize(2 + requests.size());
    }
  }

  @Test
  void aStatementTheStoreRefusesStays500() throws Exception {
    try (LogCapture log = new LogCapture(ErrorResponses.class)) {
      try (Connection c = store.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE resources RENAME TO resources_away");
      }
      Response r;
      try {
        r = get("/resources?search=cust");
      } finally {
        try (Connection c = store.dataSource().getConnection();
            Statement s = c.createStatement()) {
          s.execute("ALTER TABLE resources_away RENAME TO resources");
        }
      }
      assertThat(r.status()).as(r.text()).isEqualTo(500);
      assertThat(r.json())
          .isEqualTo(JSON.readTree("{\"message\":\"Internal server error\",\"status\":500}"));
      assertThat(r.header("Retry-After")).isNull();
      assertThat(log.events()).hasSize(1);
      assertThat(log.events().get(0).getLevel()).isEqualTo(Level.ERROR);
      assertThat(log.events().get(0).getThrown()).isNotNull();
      assertThat(get("/resources?search=cust").status()).isEqualTo(200);
    }
  }
}
