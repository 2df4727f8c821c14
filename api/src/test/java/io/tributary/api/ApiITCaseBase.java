package io.tributary.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tributary.connectors.catalog.CatalogImport;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.sql.model.TableName;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the API's ITCases: a fresh database per test class, the store on it with a small
 * catalog (Production Snowflake: production.public.customers, orders, customer_orders), the API on
 * a free port, a token, and a real HTTP client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiITCaseBase {

  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final int MAX_SQL_CHARS = 20_000;
  protected static final int MAX_BODY_BYTES = 100_000;

  static final String CATALOG =
      """
      {"integration": {"title": "Production Snowflake", "type": "snowflake"},
       "tables": [
        {"database_name": "production", "schema_name": "public", "title": "customers",
         "columns": [{"title": "customer_id", "type": "varchar", "native_type": "varchar(255)"},
                     {"title": "name", "type": "varchar"}]},
        {"database_name": "production", "schema_name": "public", "title": "orders",
         "columns": [{"title": "order_id", "type": "integer"},
                     {"title": "customer_id", "type": "varchar"},
                     {"title": "amount", "type": "numeric"}]},
        {"database_name": "production", "schema_name": "public", "title": "customer_orders",
         "columns": [{"title": "customer_id", "type": "varchar"},
                     {"title": "order_id", "type": "integer"}]}]}
      """;

  protected TestDatabase database;
  protected LineageStore store;
  protected LineageApi api;
  protected String token;
  protected HttpClient http;
  protected String base;

  protected abstract TestDatabase newDatabase();

  @BeforeAll
  void start() throws Exception {
    database = newDatabase();
    store = LineageStore.open(database.jdbcUrl(), 8);
    new CatalogImport(store, JSON).run(new StringReader(CATALOG));
    token = store.tokens().create("tests");
    api =
        LineageApi.start(
            store,
            ApiConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .maxBodyBytes(MAX_BODY_BYTES)
                .maxSqlChars(MAX_SQL_CHARS)
                .catalogMaxAge(Duration.ZERO)
                .build());
    base = "http://127.0.0.1:" + api.port();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }

  /**
   * A response: status, body text, the body as JSON (missing when it is not JSON), and the headers
   * (names in any case).
   */
  protected record Response(
      int status,
      String text,
      JsonNode json,
      String contentType,
      Map<String, List<String>> headers) {

    /** The first value of a header, null when absent. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  protected Response send(HttpRequest.Builder request) {
    return send(request, Duration.ofSeconds(30));
  }

  protected Response send(HttpRequest.Builder request, Duration timeout) {
    try {
      HttpResponse<String> r =
          http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = r.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(r.body());
      } catch (Exception e) {
        json = MissingNode.getInstance();
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(r.headers().map());
      return new Response(
          r.statusCode(),
          r.body(),
          json,
          r.headers().firstValue("Content-Type").orElse(""),
          headers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request target the JDK client refuses to build (malformed escapes), over a socket. */
  protected Response raw(String method, String target) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(10_000);
      String request =
          method
              + " "
              + target
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + token
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int split = response.indexOf("\r\n\r\n");
      String head = response.substring(0, split);
      String body = response.substring(split + 4);
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
      }
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (Exception e) {
        json = MissingNode.getInstance();
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      head.lines()
          .skip(1)
          .filter(l -> l.indexOf(':') > 0)
          .forEach(
              l ->
                  headers
                      .computeIfAbsent(l.substring(0, l.indexOf(':')), k -> new ArrayList<>())
                      .add(l.substring(l.indexOf(':') + 1).trim()));
      String type = headers.containsKey("Content-Type") ? headers.get("Content-Type").get(0) : "";
      return new Response(
          status, body, json == null ? MissingNode.getInstance() : json, type, headers);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token);
  }

  protected Response get(String path) {
    return send(request(path).GET());
  }

  protected Response delete(String path) {
    return send(request(path).DELETE());
  }

  protected Response post(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  protected Response patch(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  protected static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  protected static String json(Object... keyValues) {
    var node = JSON.createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      node.put(
          (String) keyValues[i], keyValues[i + 1] == null ? null : keyValues[i + 1].toString());
    }
    return node.toString();
  }

  protected UUID tableId(String table) {
    StoreCatalog catalog = store.catalog();
    return catalog
        .resolve(TableName.of("production", "public", table))
        .map(StoreCatalog.StoredTable::id)
        .orElseThrow();
  }

  protected UUID columnId(String table, String column) {
    return store
        .catalog()
        .resolve(TableName.of("production", "public", table))
        .flatMap(t -> t.column(column))
        .map(StoreCatalog.StoredColumn::id)
        .orElseThrow();
  }
}
