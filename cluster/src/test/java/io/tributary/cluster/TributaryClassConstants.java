package io.tributary.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The text of the project's compiled classes on the test classpath (module folders or jars, as the
 * build phase has it): string constants, such as a {@code System.getenv} name or a picocli {@code
 * ${env:NAME}} default, are in it verbatim.
 */
final class TributaryClassConstants {
  private static final String PACKAGE = "io/tributary/";

  private TributaryClassConstants() {}

  static String read() {
    StringBuilder text = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      try {
        if (Files.isDirectory(path.resolve(PACKAGE)) && !entry.endsWith("test-classes")) {
          appendFolder(path.resolve(PACKAGE), text);
        } else if (path.getFileName().toString().startsWith("tributary")
            && entry.endsWith(".jar")
            && Files.isRegularFile(path)) {
          appendJar(path, text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (text.isEmpty()) {
      throw new IllegalStateException("no io.tributary classes on the classpath");
    }
    return text.toString();
  }

  private static void appendFolder(Path classes, StringBuilder text) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
  }

  private static void appendJar(Path jar, StringBuilder text) throws IOException {
    try (JarFile classes = new JarFile(jar.toFile())) {
      for (JarEntry entry : classes.stream().toList()) {
        if (entry.getName().startsWith(PACKAGE) && entry.getName().endsWith(".class")) {
          text.append(
              new String(
                  classes.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
    }
  }
}
