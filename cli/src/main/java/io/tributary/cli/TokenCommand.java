package io.tributary.cli;

import io.tributary.connectors.store.LineageStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary token}: API tokens. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manages API tokens.",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code tributary token create --name N}: prints the new token, alone, once. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates an API token and prints it on stdout. Only its hash is stored: keep it now."
      })
  static final class Create implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin StoreOption store;

    @Option(names = "--name", required = true, description = "What the token is for.")
    String name;

    @Override
    public Integer call() {
      try (LineageStore s = store.open(2)) {
        spec.commandLine().getOut().println(s.tokens().create(name));
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
