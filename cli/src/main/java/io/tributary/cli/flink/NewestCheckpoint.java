package io.tributary.cli.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The newest retained checkpoint in a Flink checkpoint directory: {@code <dir>/<job id>/chk-<n>}
 * holding a {@code _metadata} file (a checkpoint still being written has none), the one whose
 * metadata was written last, whichever job wrote it.
 */
public final class NewestCheckpoint {
  private static final Pattern CHECKPOINT = Pattern.compile("chk-\\d+");

  private NewestCheckpoint() {}

  public static Optional<Path> under(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.find(checkpointDir, 3, (p, a) -> isMetadata(p))) {
      return files
          .map(m -> new Candidate(m.getParent().toAbsolutePath(), modified(m)))
          .filter(c -> c.modified() != null)
          .max(Comparator.comparing(Candidate::modified))
          .map(Candidate::dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + checkpointDir, e);
    }
  }

  private static boolean isMetadata(Path p) {
    return p.getFileName().toString().equals("_metadata")
        && p.getParent() != null
        && CHECKPOINT.matcher(p.getParent().getFileName().toString()).matches();
  }

  /** When the metadata was written; null when Flink removed the checkpoint meanwhile. */
  private static FileTime modified(Path metadata) {
    try {
      return Files.getLastModifiedTime(metadata);
    } catch (NoSuchFileException gone) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Candidate(Path dir, FileTime modified) {}
}
