package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.DerivedEdge;
import io.tributary.connectors.store.EdgeFilter;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.LineageView;
import io.tributary.connectors.store.ResourceFilter;
import io.tributary.connectors.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** token create, catalog import, catalog extract and serve, on an H2 file store. */
class StoreCommandsITCase {

  @TempDir Path dir;

  private TestDatabase storeDb;

  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void createStore() {
    storeDb = TestDatabase.h2();
  }

  @AfterEach
  void dropStore() {
    storeDb.close();
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TributaryCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private long resources() {
    try (LineageStore store = LineageStore.open(storeDb.jdbcUrl(), 1)) {
      return store.resources().list(ResourceFilter.none(), 1, 1).count();
    }
  }

  @Test
  void tokenCreatePrintsOnlyAValidToken() {
    Run run = run("token", "create", "--name", "ci", "--store", storeDb.jdbcUrl());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String token = run.out().strip();
    assertThat(run.out()).isEqualTo(token + System.lineSeparator());
    assertThat(token).startsWith("trb_").doesNotContain(" ");
    try (LineageStore store = LineageStore.open(storeDb.jdbcUrl(), 1)) {
      assertThat(store.tokens().isValid(token)).isTrue();
    }
    assertThat(run("token", "create", "--store", storeDb.jdbcUrl()).exitCode()).isEqualTo(2);
  }

  @Test
  void retireUnseenRetiresEdgesUnseenForThePeriodOnce() {
    java.time.Instant old = java.time.Instant.parse("2025-01-01T00:00:00Z");
    UUID stale = UUID.randomUUID(), fresh = UUID.randomUUID(), target = UUID.randomUUID();
    try (LineageStore store = LineageStore.open(storeDb.jdbcUrl(), 1)) {
      store
          .edges()
          .upsertDerived(
              java.util.List.of(
                  new DerivedEdge(stale, target, old, java.util.Optional.empty()),
                  new DerivedEdge(
                      fresh, target, old.plus(Duration.ofDays(91)), java.util.Optional.empty())));
    }
    Run run = run("retire", "--unseen", "90d", "--store", storeDb.jdbcUrl());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("retired 1 edge unseen for 90d");
    assertThat(run("retire", "--unseen", "90d", "--store", storeDb.jdbcUrl()).out())
        .contains("retired 0 edges");
    try (LineageStore store = LineageStore.open(storeDb.jdbcUrl(), 1)) {
      assertThat(
              store
                  .history()
                  .list(
                      new EdgeFilter(java.util.List.of(), java.util.List.of(target)),
                      LineageView.current(),
                      1,
                      10)
                  .results())
          .extracting(e -> e.fromEntity())
          .containsExactly(fresh);
    }
    assertThat(run("retire", "--unseen", "0d", "--store", storeDb.jdbcUrl()).exitCode())
        .isEqualTo(2);
    assertThat(run("retire", "--store", storeDb.jdbcUrl()).exitCode()).isEqualTo(2);
  }

  @Test
  void catalogImportTwiceDoesNotDuplicate() throws Exception {
    Path file = dir.resolve("catalog.json");
    Files.writeString(
        file,
        """
        {"integration": {"title": "Warehouse", "type": "postgres"},
         "tables": [{"database_name": "db", "schema_name": "s", "title": "t",
                     "columns": [{"title": "a", "type": "int"}, {"title": "b"}]}]}
        """);
    Run first = run("catalog", "import", file.toString(), "--store", storeDb.jdbcUrl());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("1 tables and views, 2 columns");
    assertThat(run("catalog", "import", file.toString(), "--store", storeDb.jdbcUrl()).exitCode())
        .isZero();
    assertThat(resources()).isEqualTo(3);

    Files.writeString(file, "{\"tables\": [{\"columns\": []}]}");
    Run bad = run("catalog", "import", file.toString(), "--store", storeDb.jdbcUrl());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("title");
  }

  @Test
  void catalogExtractReadsPostgresAndMariaDb() throws Exception {
    try (TestDatabase source = TestDatabase.postgres()) {
      try (Connection c = DriverManager.getConnection(source.jdbcUrl());
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA shop");
        s.execute("CREATE TABLE shop.orders (id INT, amount NUMERIC(10, 2))");
        s.execute("CREATE TABLE public.ignored (x INT)");
      }
      Run run =
          run(
              "catalog",
              "extract",
              "--jdbc-url",
              source.jdbcUrl(),
              "--schemas",
              "shop",
              "--store",
              storeDb.jdbcUrl());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("1 tables and views, 2 columns");
    }
    String db = "tributary_cli_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
      s.execute("CREATE TABLE " + db + ".users (id INT, email VARCHAR(100))");
      try {
        Run run =
            run(
                "catalog",
                "extract",
                "--jdbc-url",
                "jdbc:mariadb://127.0.0.1:3306/" + db + "?user=root",
                "--schemas",
                db,
                "--store",
                storeDb.jdbcUrl());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("1 tables and views, 2 columns");
      } finally {
        s.execute("DROP DATABASE " + db);
      }
    }
    assertThat(resources()).isEqualTo(6);
  }

  @Test
  void serveAnswersWithATokenAndStops() throws Exception {
    String token =
        run("token", "create", "--name", "t", "--store", storeDb.jdbcUrl()).out().strip();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StringWriter err = new StringWriter();
    Thread server =
        new Thread(
            () ->
                TributaryCommand.run(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err),
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(port),
                    "--store",
                    storeDb.jdbcUrl()));
    server.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/lineage/manual"))
              .header("Authorization", "Bearer " + token)
              .build();
      HttpResponse<String> response = null;
      for (int i = 0; i < 100 && response == null; i++) {
        try {
          response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
          Thread.sleep(100);
        }
      }
      assertThat(response).as(err.toString()).isNotNull();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"count\":0");
    } finally {
      server.interrupt();
      server.join(Duration.ofSeconds(10).toMillis());
    }
    assertThat(server.isAlive()).isFalse();
  }
}
