package io.tributary.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command: every subcommand of the project behind one launcher. */
@Command(
    name = "tributary",
    mixinStandardHelpOptions = true,
    versionProvider = TributaryVersion.class,
    description = "Column-level data lineage from warehouse query history.",
    footer = {"", CommandFailureHandler.DEBUG_HELP},
    subcommands = {
      AnalyzeCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      RetireCommand.class,
      CatalogCommand.class,
      BackfillCommand.class,
      StreamCommand.class,
      GenerateCommand.class,
      BenchmarkCommand.class,
      ApiBenchmarkCommand.class,
      SubmitCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TributaryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code: 0 ran, 1 failed, 2 usage error. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs a command line writing to the given streams (tests, embedding). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    return commandLine().setOut(out).setErr(err).execute(args);
  }

  private static CommandLine commandLine() {
    return new CommandLine(new TributaryCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new CommandFailureHandler());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
