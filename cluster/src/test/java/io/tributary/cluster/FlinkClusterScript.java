package io.tributary.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Flink session cluster started by {@code bin/flink-cluster} in a folder of its own, on free
 * loopback ports; {@link #close()} stops it (so does the end of the test JVM).
 */
final class FlinkClusterScript implements AutoCloseable {
  private final Path script;
  private final Path dir;
  private final Map<String, String> env;
  private final URI rest;
  private final Thread stopAtExit;

  private FlinkClusterScript(Path script, Path dir, Map<String, String> env, URI rest) {
    this.script = script;
    this.dir = dir;
    this.env = env;
    this.rest = rest;
    this.stopAtExit = new Thread(this::stopQuietly, "stop-flink-cluster");
  }

  /**
   * Starts a cluster of one JobManager and {@code taskManagers} TaskManagers.
   *
   * @param properties more config.yaml lines ("key: value")
   */
  static FlinkClusterScript start(Path dir, int taskManagers, int slots, List<String> properties)
      throws IOException, InterruptedException {
    MavenBuild build = MavenBuild.ofRepository();
    int restPort = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("FLINK_CLUSTER_DIR", dir.toString());
    env.put("FLINK_REST_PORT", Integer.toString(restPort));
    env.put("FLINK_RPC_PORT", Integer.toString(freePort()));
    env.put("FLINK_TM_SLOTS", Integer.toString(slots));
    env.put("FLINK_PROPERTIES", String.join("\n", properties));
    // A machine busy with builds may take minutes to start a few JVMs.
    env.put("FLINK_START_TIMEOUT", "300");
    FlinkClusterScript cluster =
        new FlinkClusterScript(
            build.root().resolve("bin/flink-cluster"),
            dir,
            env,
            URI.create("http://127.0.0.1:" + restPort));
    Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
    Result started =
        cluster.run(Duration.ofMinutes(3), "start", "--taskmanagers", "" + taskManagers);
    if (started.exitCode() != 0) {
      cluster.close();
      throw new IllegalStateException("bin/flink-cluster start failed:\n" + started.output());
    }
    return cluster;
  }

  URI rest() {
    return rest;
  }

  Path dir() {
    return dir;
  }

  /** The pid of a process of the cluster ("jobmanager", "taskmanager-1", ...), while it runs. */
  Optional<ProcessHandle> process(String name) throws IOException {
    Path pidFile = dir.resolve("pids").resolve(name + ".pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  /** Kills a process of the cluster with SIGKILL, as a crashing machine would. */
  void killHard(String name) throws Exception {
    ProcessHandle process =
        process(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  Result status() throws IOException, InterruptedException {
    return run(Duration.ofSeconds(30), "status");
  }

  /** Runs the script with this cluster's settings. */
  Result command(Duration timeout, String... args) throws IOException, InterruptedException {
    return run(timeout, args);
  }

  Path log(String name) {
    return dir.resolve("log").resolve(name + ".log");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Result stopped = run(Duration.ofMinutes(1), "stop");
    if (stopped.exitCode() != 0) {
      throw new IllegalStateException("bin/flink-cluster stop failed:\n" + stopped.output());
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or ran already
    }
  }

  private void stopQuietly() {
    try {
      run(Duration.ofMinutes(1), "stop");
    } catch (IOException | InterruptedException | RuntimeException e) {
      // nothing more to do at exit
    }
  }

  record Result(int exitCode, String output) {}

  private Result run(Duration timeout, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add(script.toString());
    builder.command().addAll(List.of(args));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Path output = Files.createTempFile("flink-cluster-", ".out");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/flink-cluster " + args[0] + " took over " + timeout);
    }
    try {
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
