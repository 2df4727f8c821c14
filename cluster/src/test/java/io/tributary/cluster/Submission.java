package io.tributary.cluster;

import io.tributary.cli.TributaryCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@code tributary submit} in this JVM, with what it printed: the job id on the first
 * line of stdout, a batch job's summary after it; progress and errors on stderr.
 */
record Submission(int exitCode, String out, String err) {

  static Submission run(List<String> submitArgs, List<String> jobArgs) {
    List<String> args = new ArrayList<>();
    args.add("submit");
    args.addAll(submitArgs);
    args.add("--");
    args.addAll(jobArgs);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    int exit;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      exit = TributaryCommand.run(args.toArray(String[]::new));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    Submission done =
        new Submission(
            exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    stderr.print(done.err);
    stdout.print(done.out);
    return done;
  }

  String jobId() {
    return out.lines().findFirst().orElse("").strip();
  }

  /** The summary's lines, without the time line (which differs from run to run). */
  List<String> summaryWithoutTime() {
    return out.lines().skip(1).filter(line -> !line.startsWith("time ")).toList();
  }
}
