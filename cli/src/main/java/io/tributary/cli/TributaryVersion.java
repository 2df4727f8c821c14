package io.tributary.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the jar's implementation version. */
public final class TributaryVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TributaryVersion.class.getPackage().getImplementationVersion();
    return new String[] {"tributary " + (version == null ? "(development build)" : version)};
  }
}
