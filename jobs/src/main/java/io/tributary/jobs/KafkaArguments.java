package io.tributary.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The Kafka consumer properties of {@code --source kafka}'s flags ({@link JobFlags}). */
public final class KafkaArguments {

  private KafkaArguments() {}

  /**
   * Consumer properties from a properties file (null: none) and {@code key=value} pairs, the pairs
   * winning.
   */
  public static Map<String, String> properties(Path file, Collection<String> pairs) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (file != null) {
      Properties loaded = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        loaded.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Kafka properties file " + file, e);
      }
      loaded.stringPropertyNames().forEach(name -> properties.put(name, loaded.getProperty(name)));
    }
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--kafka-property takes key=value, got '" + pair + "'");
      }
      properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
    }
    return properties;
  }
}
