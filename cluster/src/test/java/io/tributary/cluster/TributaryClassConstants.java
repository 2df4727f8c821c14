package io.tributary.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The text of the project's compiled classes on the test classpath: string constants (such as a
 * {@code System.getenv} name or a picocli {@code ${env:NAME}} default) are in it verbatim.
 */
final class TributaryClassConstants {
  private TributaryClassConstants() {}

  static String read() {
    StringBuilder text = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path classes = Path.of(entry).resolve("io/tributary");
      if (!entry.endsWith("test-classes") && Files.isDirectory(classes)) {
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
            text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    if (text.isEmpty()) {
      throw new IllegalStateException("no io.tributary classes on the classpath");
    }
    return text.toString();
  }
}
