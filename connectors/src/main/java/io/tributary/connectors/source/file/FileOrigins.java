package io.tributary.connectors.source.file;

import java.io.File;
import java.net.URI;
import org.apache.flink.core.fs.Path;

/**
 * Paths of query logs as origins: a file read on its own and the same file found in its directory
 * must have one origin, whatever directory the job started in.
 */
public final class FileOrigins {

  private FileOrigins() {}

  /** A path without scheme as an absolute {@code file:} path; others as given. */
  public static Path absolute(String path) {
    Path given = new Path(path);
    return given.toUri().getScheme() != null ? given : new Path(localUri(path));
  }

  /** The origin of a file: its URI, with {@code file:} and made absolute when it has no scheme. */
  public static String of(Path file) {
    URI uri = file.toUri();
    return uri.getScheme() != null ? uri.toString() : localUri(uri.getPath()).toString();
  }

  private static URI localUri(String path) {
    return new File(path).getAbsoluteFile().toURI().normalize();
  }
}
