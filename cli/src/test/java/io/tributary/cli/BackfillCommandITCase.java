package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.LineageStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command: {@code tributary backfill} of the shipped sample log with its catalog
 * into an embedded H2 store, then the generator's command on the same shapes.
 */
class BackfillCommandITCase {

  @TempDir Path dir;

  @Test
  void backfillsTheSampleLogIntoAnH2StoreAndPrintsASummary() throws Exception {
    Path examples = Path.of("..", "examples");
    String store = LineageStore.h2FileUrl(dir).replace(";AUTO_SERVER=TRUE", "");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        TributaryCommand.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "backfill",
            "--source",
            "files",
            "--path",
            examples.resolve("query-log.jsonl").toString(),
            "--catalog",
            examples.resolve("catalog.json").toString(),
            "--dialect",
            "postgresql",
            "--store",
            store,
            "--parallelism",
            "1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("16 tables, 74 columns imported");
    assertThat(out.toString())
        .contains("statements            2,000 (40 failed in the warehouse, not analyzed)")
        .contains("edges                 70 new, 0 existing")
        .containsPattern("time +[0-9.]+ s, [0-9,]+ rows/s");
    try (LineageStore s = LineageStore.open(store, 2);
        Connection c = s.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT COUNT(*) FROM lineage_edges WHERE direction = 'DOWNSTREAM'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(70);
    }
  }

  @Test
  void anUnknownSourceIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        TributaryCommand.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "backfill",
            "--source",
            "kinesis",
            "--store",
            LineageStore.h2FileUrl(dir));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown --source 'kinesis' (files, jdbc, pg-csvlog, kafka)");
  }

  private record Run(int code, String out, String err, long millis) {}

  private static Run backfill(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "backfill";
    System.arraycopy(args, 0, all, 1, args.length);
    long started = System.nanoTime();
    int code = TributaryCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    return new Run(code, out.toString(), err.toString(), (System.nanoTime() - started) / 1_000_000);
  }

  private Path log() throws Exception {
    Path log = dir.resolve("log.jsonl");
    Files.writeString(
        log,
        """
        {"query_id": "1", "sql": "INSERT INTO b SELECT x FROM a", "start_time": "2024-01-01T00:00:00Z"}
        """);
    return log;
  }

  @Test
  void anUnknownDialectIsAUsageErrorBeforeAnythingStarts() throws Exception {
    Path storeDir = dir.resolve("store");
    Run run =
        backfill(
            "--source",
            "files",
            "--path",
            log().toString(),
            "--dialect",
            "snowflak",
            "--store",
            LineageStore.h2FileUrl(storeDir));
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "tributary backfill: --dialect: unknown dialect 'snowflak'; known dialects: "
                + String.join(", ", io.tributary.sql.dialect.Dialects.names()));
    assertThat(storeDir).doesNotExist();
  }

  @Test
  void aMissingPathIsOneLineBeforeTheMiniClusterStarts() {
    Path storeDir = dir.resolve("store");
    Run run =
        backfill(
            "--source", "files",
            "--path", "/no/such/file",
            "--store", LineageStore.h2FileUrl(storeDir));
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("tributary backfill: --path /no/such/file: no such file or directory\n");
    assertThat(run.millis()).isLessThan(5_000);
    assertThat(storeDir).doesNotExist();
  }

  @Test
  void anUnreadableTimeEchoesWhatWasTypedAndNamesTheFormats() throws Exception {
    Run run =
        backfill(
            "--source",
            "files",
            "--path",
            log().toString(),
            "--from",
            "2024-13-01",
            "--store",
            LineageStore.h2FileUrl(dir.resolve("store")));
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("tributary backfill: --from '2024-13-01' is not a valid time; use")
        .contains("ISO-8601")
        .contains("a date (2024-05-01, midnight UTC)")
        .contains("epoch seconds or milliseconds")
        .doesNotContain("T00:00:00Z'");
  }

  @Test
  void aTakenDashboardPortIsSaidPlainlyBeforeFlinkStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path storeDir = dir.resolve("store");
      Run run =
          backfill(
              "--source", "files",
              "--path", log().toString(),
              "--web-ui-port", String.valueOf(port),
              "--store", LineageStore.h2FileUrl(storeDir));
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "tributary backfill: --web-ui-port "
                  + port
                  + ": the port is taken on 127.0.0.1 (another program listens there);"
                  + " choose a free one with --web-ui-port\n");
      assertThat(storeDir).doesNotExist();
    }
  }

  @Test
  void theDashboardServesOnTheChosenPortAndOutlivesTheBackfill() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    String store = LineageStore.h2FileUrl(dir).replace(";AUTO_SERVER=TRUE", "");
    Path log = log();
    StringWriter out = new StringWriter();
    // The runner prints its progress, and the dashboard's address, on the process's stderr.
    PrintStream stderr = System.err;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    ExecutorService command = Executors.newSingleThreadExecutor();
    try {
      System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
      Future<Integer> code =
          command.submit(
              () ->
                  TributaryCommand.run(
                      new PrintWriter(out, true),
                      new PrintWriter(new StringWriter(), true),
                      "backfill",
                      "--source",
                      "files",
                      "--path",
                      log.toString(),
                      "--dialect",
                      "postgresql",
                      "--web-ui-port",
                      String.valueOf(port),
                      "--parallelism",
                      "1",
                      "--store",
                      store));
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (!out.toString().contains("statements") && System.nanoTime() < deadline) {
        assertThat(code.isDone()).as("the backfill ended without its summary: %s", out).isFalse();
        Thread.sleep(200);
      }
      assertThat(out.toString()).contains("statements");
      assertThat(progress.toString(StandardCharsets.UTF_8))
          .contains("Flink dashboard: http://127.0.0.1:" + port);

      // The backfill is over; its dashboard still shows the finished job.
      HttpResponse<String> overview =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/overview"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(overview.statusCode()).isEqualTo(200);
      assertThat(overview.body()).contains("\"state\":\"FINISHED\"");
      assertThat(code.isDone()).isFalse();

      command.shutdownNow(); // what Ctrl-C is to the command: the dashboard stops
      assertThat(code.get(1, TimeUnit.MINUTES)).isZero();
      try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        assertThat(again.isBound()).isTrue();
      }
    } finally {
      System.setErr(stderr);
      command.shutdownNow();
    }
  }

  @Test
  void helpNamesTheDebugVariable() {
    StringWriter out = new StringWriter();
    TributaryCommand.run(
        new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true),
        "backfill",
        "--help");
    assertThat(out.toString()).contains("TRIBUTARY_DEBUG=1").contains("--web-ui-port");
  }

  @Test
  void rowsInAnUnknownDialectAreCountedAndDeadLettered() throws Exception {
    Path log = dir.resolve("dialects.jsonl");
    Files.writeString(
        log,
        """
        {"query_id": "1", "sql": "INSERT INTO b SELECT x FROM a", "start_time": 1704067200, "dialect": "postgresql"}
        {"query_id": "2", "sql": "INSERT INTO c SELECT y FROM a", "start_time": 1704067200, "dialect": "klingon"}
        {"query_id": "3", "sql": "INSERT INTO d SELECT z FROM a", "start_time": 1704067200, "dialect": "klingon"}
        """);
    String store = LineageStore.h2FileUrl(dir).replace(";AUTO_SERVER=TRUE", "");
    Run run =
        backfill(
            "--source", "files", "--path", log.toString(), "--parallelism", "1", "--store", store);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("analyzed              1 (0 without lineage)")
        .contains("unknown dialect       2 (rows naming a dialect not known;");
    try (LineageStore s = LineageStore.open(store, 2);
        Connection c = s.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT query_id, dialect FROM dead_letters WHERE reason = 'UNKNOWN_DIALECT'"
                    + " ORDER BY query_id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2");
      assertThat(rs.getString(2)).isEqualTo("klingon");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("3");
      assertThat(rs.next()).isFalse();
    }
  }
}
