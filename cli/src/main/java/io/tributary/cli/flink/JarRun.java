package io.tributary.cli.flink;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /jars/<id>/run} needs to start a job from an uploaded jar.
 *
 * @param entryClass the class whose {@code main} builds and executes the job
 * @param programArgs the arguments of that {@code main}
 * @param parallelism the job's default parallelism, else the cluster's
 * @param savepointPath a savepoint or retained checkpoint to start from
 */
public record JarRun(
    String entryClass,
    List<String> programArgs,
    Optional<Integer> parallelism,
    Optional<String> savepointPath) {

  public JarRun {
    Objects.requireNonNull(entryClass, "entryClass");
    programArgs = List.copyOf(programArgs);
    Objects.requireNonNull(parallelism, "parallelism");
    Objects.requireNonNull(savepointPath, "savepointPath");
  }

  public static JarRun of(String entryClass, List<String> programArgs) {
    return new JarRun(entryClass, programArgs, Optional.empty(), Optional.empty());
  }
}
