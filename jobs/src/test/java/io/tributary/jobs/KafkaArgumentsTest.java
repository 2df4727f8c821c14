package io.tributary.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flags of {@code --source kafka}. */
class KafkaArgumentsTest {

  @TempDir Path dir;

  @Test
  void repeatedPropertiesWinOverTheFile() throws Exception {
    Path file = dir.resolve("kafka.properties");
    Files.writeString(
        file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=a b=c;\n");
    JobSettings s =
        JobArguments.parse(
            new String[] {
              "--source", "kafka",
              "--bootstrap-servers", "b1:9092,b2:9092",
              "--topic", "q1,q2",
              "--group-id", "lineage",
              "--kafka-properties-file", file.toString(),
              "--kafka-property", "sasl.mechanism=SCRAM-SHA-512",
              "--kafka-property", "client.rack=eu-1a",
              "--lateness", "10min",
              "--store", "jdbc:h2:mem:x"
            },
            true);
    assertThat(s.source())
        .isEqualTo(
            new QuerySourceSpec.Kafka(
                "b1:9092,b2:9092",
                List.of("q1", "q2"),
                null,
                "lineage",
                Map.of(
                    "security.protocol", "SASL_SSL",
                    "sasl.mechanism", "SCRAM-SHA-512",
                    "sasl.jaas.config", "a b=c;",
                    "client.rack", "eu-1a"),
                Duration.ofMinutes(10)));
  }

  @Test
  void aTopicOrAPatternIsRequiredButNotBoth() {
    assertThatThrownBy(
            () -> JobArguments.parse(new String[] {"--source", "kafka", "--topic", "a"}, false))
        .hasMessage("--bootstrap-servers is required for --source kafka");
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    new String[] {"--source", "kafka", "--bootstrap-servers", "b:9092"}, false))
        .hasMessageContaining("--topic or --topic-pattern");
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    new String[] {
                      "--source",
                      "kafka",
                      "--bootstrap-servers",
                      "b:9092",
                      "--topic",
                      "a",
                      "--topic-pattern",
                      "a.*"
                    },
                    false))
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () ->
                JobArguments.parse(
                    new String[] {
                      "--source",
                      "kafka",
                      "--bootstrap-servers",
                      "b:9092",
                      "--topic",
                      "a",
                      "--kafka-property",
                      "novalue"
                    },
                    false))
        .hasMessageContaining("key=value");
  }
}
