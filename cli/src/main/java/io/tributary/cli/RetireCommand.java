package io.tributary.cli;

import io.tributary.connectors.store.LineageStore;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tributary retire --unseen 90d}: retires the derived edges not seen for that long before
 * the newest activity on their target's table. Retired edges are kept, with when and why; a newer
 * execution that writes one brings it back.
 */
@Command(
    name = "retire",
    mixinStandardHelpOptions = true,
    description = {
      "Retires derived lineage edges not seen for a period, measured against the newest activity"
          + " on their target's table (retired edges are kept, with when and why; the API leaves"
          + " them out unless include_retired=true; a newer execution brings one back)."
    })
final class RetireCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOption store;

  @Option(
      names = "--unseen",
      required = true,
      paramLabel = "PERIOD",
      converter = DurationConverter.class,
      description = "How long unseen: 90d, 12h, or ISO-8601 (P90D).")
  Duration unseen;

  @Override
  public Integer call() {
    if (unseen.isZero() || unseen.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--unseen must be a positive period");
    }
    try (LineageStore s = store.open(2)) {
      int retired = s.history().retireUnseen(unseen);
      spec.commandLine()
          .getOut()
          .println(
              "retired "
                  + retired
                  + " edge"
                  + (retired == 1 ? "" : "s")
                  + " unseen for "
                  + shown());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** The period as it was likely written: whole days as {@code 90d}. */
  private String shown() {
    return unseen.toSeconds() % 86_400 == 0 && unseen.toNanosPart() == 0
        ? unseen.toDays() + "d"
        : unseen.toString();
  }
}
