package io.tributary.connectors.source.file;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Enumerates files recursively (skipping names that start with {@code .} or {@code _}) and cuts
 * each into byte ranges, so that the readers of a source share even a single large file. Flink's
 * {@code BlockSplittingRecursiveEnumerator} cuts at the file system's blocks, and a local file is
 * one block: a one-file backfill would be read by one reader whatever the parallelism. A compressed
 * file cannot be read from the middle and stays one split.
 */
final class ChunkingFileEnumerator extends NonSplittingRecursiveEnumerator {

  /** No range is smaller, so that a small file is one split. */
  static final long MIN_CHUNK = 1L << 20;

  /** No range is larger, so that readers that finish early take more work. */
  static final long MAX_CHUNK = 32L << 20;

  private int readers = 1;

  @Override
  public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits)
      throws IOException {
    readers = Math.max(1, minDesiredSplits);
    return super.enumerateSplits(paths, minDesiredSplits);
  }

  @Override
  protected void convertToSourceSplits(
      FileStatus file, FileSystem fs, List<FileSourceSplit> target) {
    long length = file.getLen();
    long chunk = chunkSize(length, readers);
    if (compressed(file.getPath()) || length <= chunk) {
      target.add(split(file, 0, length));
      return;
    }
    for (long offset = 0; offset < length; offset += chunk) {
      target.add(split(file, offset, Math.min(chunk, length - offset)));
    }
  }

  /** About two ranges per reader, within {@link #MIN_CHUNK} and {@link #MAX_CHUNK}. */
  static long chunkSize(long fileLength, int readers) {
    long even = (fileLength + 2L * readers - 1) / (2L * readers);
    return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, even));
  }

  private FileSourceSplit split(FileStatus file, long offset, long length) {
    return new FileSourceSplit(
        getNextId(), file.getPath(), offset, length, file.getModificationTime(), file.getLen());
  }

  private static boolean compressed(Path path) {
    return StandardDeCompressors.getDecompressorForFileName(path.getPath()) != null;
  }
}
