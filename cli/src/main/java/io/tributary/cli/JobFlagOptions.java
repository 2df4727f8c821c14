package io.tributary.cli;

import io.tributary.jobs.JobArguments;
import io.tributary.jobs.JobFlags;
import io.tributary.jobs.JobSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.ConfigOption;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The job flags of {@code backfill} and {@code stream}, as {@link JobFlags} defines them: added to
 * the command so that {@code --help} lists them with their description and default, and handed as
 * given to {@link JobArguments}, the one reader of job flags (the jobs' {@code main} reads them the
 * same way).
 */
final class JobFlagOptions {

  private JobFlagOptions() {}

  /** Adds the backfill job's flags. */
  static final class Backfill implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return addTo(spec, false);
    }
  }

  /** Adds the streaming job's flags. */
  static final class Streaming implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return addTo(spec, true);
    }
  }

  static CommandSpec addTo(CommandSpec spec, boolean streaming) {
    for (ConfigOption<?> flag : JobFlags.of(streaming)) {
      OptionSpec.Builder option =
          OptionSpec.builder("--" + flag.key()).description(JobFlags.describe(flag));
      if (JobFlags.isSwitch(flag)) {
        option.arity("0").type(boolean.class);
      } else if (JobFlags.REPEATABLE.contains(flag)) {
        option.arity("1").type(List.class).auxiliaryTypes(String.class).paramLabel(label(flag));
      } else {
        option.arity("1").type(String.class).paramLabel(label(flag));
      }
      if (flag == JobFlags.JDBC_PASSWORD) {
        option.arity("0..1").interactive(true);
      }
      option.required(flag == JobFlags.SOURCE);
      spec.addOption(option.build());
    }
    return spec;
  }

  /** The job's settings from the flags the command line matched. */
  static JobSettings settings(CommandSpec spec, boolean streaming) {
    return JobArguments.parse(arguments(spec, streaming), streaming);
  }

  /** The matched job flags as the job's {@code main} would be given them. */
  static String[] arguments(CommandSpec spec, boolean streaming) {
    var parsed = spec.commandLine().getParseResult();
    List<String> args = new ArrayList<>();
    for (ConfigOption<?> flag : JobFlags.of(streaming)) {
      OptionSpec option = spec.findOption("--" + flag.key());
      if (!parsed.hasMatchedOption(option)) {
        continue;
      }
      Object value = option.getValue();
      if (JobFlags.isSwitch(flag)) {
        if (Boolean.TRUE.equals(value)) {
          args.add("--" + flag.key());
        }
      } else if (value instanceof Collection<?> values) {
        for (Object v : values) {
          args.add("--" + flag.key());
          args.add(String.valueOf(v));
        }
      } else if (value != null) {
        args.add("--" + flag.key());
        args.add(value instanceof char[] chars ? new String(chars) : String.valueOf(value));
      }
    }
    return args.toArray(String[]::new);
  }

  private static String label(ConfigOption<?> flag) {
    return "<" + flag.key().replace('-', '_').toUpperCase(Locale.ROOT) + ">";
  }
}
