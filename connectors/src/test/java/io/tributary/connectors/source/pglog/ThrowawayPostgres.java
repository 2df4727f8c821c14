package io.tributary.connectors.source.pglog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own in a temporary directory, on a free port, logging every statement
 * as csvlog; the tests' shared server is left alone. Needs {@code initdb} and {@code pg_ctl} on the
 * PATH (or under {@code pg_config --bindir}); as root, runs them as user {@code postgres}.
 */
public final class ThrowawayPostgres implements AutoCloseable {

  private final Path dir;
  private final Path bin;
  private final int port;
  private final boolean asPostgresUser;

  private ThrowawayPostgres(Path dir, Path bin, int port, boolean asPostgresUser) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The server's binaries, if this machine has them. */
  public static java.util.Optional<Path> binaries() {
    try {
      Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
        return java.util.Optional.of(Path.of(out));
      }
    } catch (IOException | InterruptedException e) {
      // fall through
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  public static ThrowawayPostgres start(Path bin) throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("tributary-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ThrowawayPostgres pg = new ThrowawayPostgres(dir, bin, port, root);
    if (root) {
      pg.run(List.of("chown", "postgres", dir.toString()), false);
    }
    pg.run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync"),
        true);
    pg.run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.out").toString(),
            "-w",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1"
                + " -c logging_collector=on -c log_destination=csvlog -c log_statement=all"
                + " -c log_directory="
                + dir.resolve("log")
                + " -c log_filename=postgresql.log -c fsync=off",
            "start"),
        true);
    return pg;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  public Path logDirectory() {
    return dir.resolve("log");
  }

  private void run(List<String> command, boolean asServerUser) throws Exception {
    List<String> full = new ArrayList<>();
    if (asServerUser && asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          true);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
