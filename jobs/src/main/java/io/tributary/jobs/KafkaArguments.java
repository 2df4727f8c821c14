package io.tributary.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.util.MultipleParameterTool;
import org.apache.flink.util.ParameterTool;

/**
 * The flags of {@code --source kafka}: {@code --bootstrap-servers}, {@code --topic T[,T...]} or
 * {@code --topic-pattern REGEX}, {@code --group-id}, {@code --kafka-properties-file PATH} and
 * {@code --kafka-property key=value} (repeatable; wins over the file), {@code --lateness}.
 */
public final class KafkaArguments {

  private KafkaArguments() {}

  static QuerySourceSpec.Kafka source(ParameterTool p, String[] args) {
    Collection<String> pairs =
        MultipleParameterTool.fromArgs(args).has("kafka-property")
            ? MultipleParameterTool.fromArgs(args).getMultiParameter("kafka-property")
            : List.of();
    String file = p.get("kafka-properties-file", null);
    return new QuerySourceSpec.Kafka(
        p.get("bootstrap-servers", null),
        p.has("topic") ? Arrays.asList(p.get("topic").split(",")) : List.of(),
        p.get("topic-pattern", null),
        p.get("group-id", null),
        properties(file == null ? null : Path.of(file), pairs),
        JobArguments.duration(p, "lateness", null));
  }

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
