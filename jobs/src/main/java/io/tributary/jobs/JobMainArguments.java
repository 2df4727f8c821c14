package io.tributary.jobs;

/**
 * The flags of a job's {@code main}, read with {@link JobArguments}. Flags it cannot use are a
 * usage error: run as a program ({@code java}, {@code flink run}), one line on stderr and exit code
 * 2 ({@code TRIBUTARY_DEBUG=1} adds the stack trace); run inside a JobManager (a jar submitted
 * through the REST API), an {@link IllegalArgumentException} with the same line, which the REST API
 * answers with, since exiting there would stop the JobManager.
 */
final class JobMainArguments {

  static final int USAGE_EXIT_CODE = 2;

  private JobMainArguments() {}

  static JobSettings parseOrExit(String[] args, boolean streaming, String jobName) {
    try {
      return JobArguments.parse(args, streaming);
    } catch (RuntimeException e) {
      String line =
          jobName
              + ": "
              + e.getMessage()
              + " (flags: the README's \"On a Flink cluster\", or the job class's Javadoc)";
      if (!runsAsProgram()) {
        throw new IllegalArgumentException(line, e);
      }
      System.err.println(line);
      if (System.getenv("TRIBUTARY_DEBUG") != null) {
        e.printStackTrace();
      }
      System.exit(USAGE_EXIT_CODE);
      throw new AssertionError("unreachable");
    }
  }

  /** True on the JVM's main thread: a program's {@code main}, not a JobManager's REST handler. */
  private static boolean runsAsProgram() {
    return Thread.currentThread().getName().equals("main");
  }
}
