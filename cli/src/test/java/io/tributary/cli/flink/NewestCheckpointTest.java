package io.tributary.cli.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewestCheckpointTest {

  @TempDir Path dir;

  @Test
  void theCheckpointWhoseMetadataWasWrittenLastWhicheverJobWroteIt() throws Exception {
    metadata("a1/chk-7", Instant.parse("2026-01-01T10:00:00Z"));
    Path newest = metadata("b2/chk-3", Instant.parse("2026-01-01T11:00:00Z"));
    metadata("b2/chk-2", Instant.parse("2026-01-01T10:30:00Z"));
    // Being written (no metadata yet), and Flink's other folders: not checkpoints to resume from.
    Files.createDirectories(dir.resolve("b2/chk-4"));
    metadata("b2/shared", Instant.parse("2026-01-01T12:00:00Z"));
    metadata("b2/savepoint-1", Instant.parse("2026-01-01T12:00:00Z"));

    assertThat(NewestCheckpoint.under(dir)).contains(newest.toAbsolutePath());
  }

  @Test
  void noneInAnEmptyOrMissingDirectory() {
    assertThat(NewestCheckpoint.under(dir)).isEmpty();
    assertThat(NewestCheckpoint.under(dir.resolve("none"))).isEmpty();
  }

  private Path metadata(String checkpoint, Instant written) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(checkpoint));
    Path file = Files.writeString(folder.resolve("_metadata"), "x");
    Files.setLastModifiedTime(file, FileTime.from(written));
    return folder;
  }
}
