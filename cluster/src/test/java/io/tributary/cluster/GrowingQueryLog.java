package io.tributary.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A query log that grows: the lines of a whole log, handed to a monitored folder one file at a
 * time. Each file appears whole (written beside the folder, then moved in), as a log shipper does.
 */
final class GrowingQueryLog {
  private final Path folder;
  private final Path staging;
  private final List<List<String>> chunks = new ArrayList<>();
  private int fed;

  GrowingQueryLog(Path log, int files, Path folder, Path staging) throws IOException {
    this.folder = Files.createDirectories(folder);
    this.staging = Files.createDirectories(staging);
    List<String> lines = Files.readAllLines(log);
    int size = (lines.size() + files - 1) / files;
    for (int from = 0; from < lines.size(); from += size) {
      chunks.add(lines.subList(from, Math.min(lines.size(), from + size)));
    }
  }

  /** Adds the next file; false once all are in. */
  boolean feedNext() throws IOException {
    if (fed == chunks.size()) {
      return false;
    }
    String name = String.format("queries-%03d.jsonl", fed);
    Path written = Files.write(staging.resolve(name), chunks.get(fed));
    Files.move(written, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    fed++;
    return true;
  }

  int fed() {
    return fed;
  }

  /** The rows of the files fed so far. */
  long rowsFed() {
    return chunks.subList(0, fed).stream().mapToLong(List::size).sum();
  }

  int files() {
    return chunks.size();
  }
}
