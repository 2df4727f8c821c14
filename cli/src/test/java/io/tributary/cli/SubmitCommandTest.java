package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary submit} before it reaches a cluster (the cluster itself: the cluster module).
 */
class SubmitCommandTest {
  @TempDir Path temp;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream stderr;

  @BeforeEach
  void captureStderr() {
    stderr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(stderr);
  }

  @Test
  void aMissingJarIsAUsageErrorThatSaysHowToBuildIt() {
    int exit =
        TributaryCommand.run("submit", "--jar", temp.resolve("none.jar").toString(), "--", "--x");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no job jar at")
        .contains("mvn -B -DskipTests package");
  }

  @Test
  void anUnreachableClusterFailsWithItsAddress() throws Exception {
    Path jar = Files.write(temp.resolve("job.jar"), new byte[] {1, 2, 3});
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int exit =
        TributaryCommand.run(
            "submit", "--flink", "http://127.0.0.1:" + port, "--jar", jar.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no Flink REST API at http://127.0.0.1:" + port);
  }

  @Test
  void jobArgumentsFollowTheDoubleDash() {
    SubmitCommand submit = new SubmitCommand();
    new picocli.CommandLine(submit)
        .parseArgs("-c", "io.tributary.jobs.BackfillJob", "-p", "3", "--", "--source", "files");
    assertThat(submit.entryClass).isEqualTo("io.tributary.jobs.BackfillJob");
    assertThat(submit.parallelism).isEqualTo(3);
    assertThat(submit.jobArgs).containsExactly("--source", "files");
  }
}
