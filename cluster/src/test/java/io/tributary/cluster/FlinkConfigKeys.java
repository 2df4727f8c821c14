package io.tributary.cluster;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;

/**
 * Every configuration key Flink's runtime knows: the {@link ConfigOption} constants of its {@code
 * org.apache.flink.configuration.*Options} classes, with their fallback and deprecated keys.
 */
final class FlinkConfigKeys {
  private static final String PACKAGE = "org/apache/flink/configuration/";

  private FlinkConfigKeys() {}

  static Set<String> all() {
    Set<String> keys = new HashSet<>();
    try (JarFile jar = new JarFile(jarOf(CoreOptions.class).toFile())) {
      jar.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.startsWith(PACKAGE) && name.endsWith("Options.class"))
          .filter(name -> name.indexOf('/', PACKAGE.length()) < 0)
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .forEach(className -> addKeys(className, keys));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Collections.unmodifiableSet(keys);
  }

  private static void addKeys(String className, Set<String> keys) {
    Class<?> options;
    try {
      options = Class.forName(className);
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    for (Field field : options.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
        try {
          ConfigOption<?> option = (ConfigOption<?>) field.get(null);
          keys.add(option.key());
          for (FallbackKey fallback : option.fallbackKeys()) {
            keys.add(fallback.getKey());
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
