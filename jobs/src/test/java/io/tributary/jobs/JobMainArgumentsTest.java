package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A job's {@code main} run as a program ({@code java}, as {@code flink run} runs it) with flags it
 * cannot use: exit code 2 and one line saying what is wrong, never a stack trace.
 */
class JobMainArgumentsTest {

  @Test
  void aMissingSourceExitsWith2AndOneLine() throws Exception {
    Run run = main(BackfillJob.class, "--path", "/x");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.stderr).contains("Tributary backfill: ").contains("source");
    assertOneLineWithoutTrace(run);
  }

  @Test
  void anUnknownDialectExitsWith2NamingTheKnownOnes() throws Exception {
    Run run =
        main(StreamingJob.class, "--source", "files", "--path", "/x", "--dialect", "snowflak");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.stderr).contains("--dialect").contains("snowflake");
    assertOneLineWithoutTrace(run);
  }

  @Test
  void aBadTimeExitsWith2RepeatingIt() throws Exception {
    Run run = main(BackfillJob.class, "--source", "files", "--path", "/x", "--from", "2024-13-01");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.stderr).contains("--from '2024-13-01' is not a valid time");
    assertOneLineWithoutTrace(run);
  }

  @Test
  void aBadNumberExitsWith2() throws Exception {
    Run run = main(BackfillJob.class, "--source", "files", "--path", "/x", "--parallelism", "two");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.stderr).contains("two");
    assertOneLineWithoutTrace(run);
  }

  private static void assertOneLineWithoutTrace(Run run) {
    assertThat(run.stderr.strip().lines()).as(run.stderr).hasSize(1);
    assertThat(run.stderr).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private record Run(int exitCode, String stderr) {}

  private static Run main(Class<?> job, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(job.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("TRIBUTARY_DEBUG");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), stderr);
  }
}
