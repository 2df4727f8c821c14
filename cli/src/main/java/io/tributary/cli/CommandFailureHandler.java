package io.tributary.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception of a command into one line on stderr and exit code 1; input the user can fix
 * (an {@link IllegalArgumentException}, such as an unknown dialect) is a usage error, exit code 2.
 * {@code TRIBUTARY_DEBUG=1} prints the stack trace too.
 */
final class CommandFailureHandler implements IExecutionExceptionHandler {

  /** The environment variable that adds the stack trace, as the commands' help states it. */
  static final String DEBUG_HELP =
      "A failure prints one line; set TRIBUTARY_DEBUG=1 to print its full stack trace too.";

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    cmd.getErr().println("tributary " + cmd.getCommandName() + ": " + e.getMessage());
    if (System.getenv("TRIBUTARY_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    return e instanceof IllegalArgumentException
        ? cmd.getCommandSpec().exitCodeOnInvalidInput()
        : cmd.getCommandSpec().exitCodeOnExecutionException();
  }
}
