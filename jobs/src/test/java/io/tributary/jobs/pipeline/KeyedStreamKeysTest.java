package io.tributary.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.sink.ExecutionCount;
import io.tributary.connectors.sink.ResolvedEdge;
import io.tributary.connectors.store.ResourceId;
import java.io.IOException;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keys of the job's keyed streams: Flink serializes them as POJOs, and their key groups (which
 * a checkpoint's state is filed under) come from a hash that does not depend on the JVM.
 */
class KeyedStreamKeysTest {

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of(
            StatementKey.TYPE,
            new StatementKey("fp", "postgres", "db", null),
            Objects.hash("fp", "postgres", "db", "")),
        Arguments.of(
            ExecutionCount.Key.TYPE,
            new ExecutionCount.Key("fp", "file:/a.jsonl", 86_400_000L),
            Objects.hash("fp", "file:/a.jsonl", 86_400_000L)),
        Arguments.of(
            ResolvedEdge.Key.TYPE,
            new ResolvedEdge.Key(new ResourceId(1L, 2L), new ResourceId(3L, 4L)),
            Objects.hash(
                Long.hashCode(1L) * 31 + Long.hashCode(2L),
                Long.hashCode(3L) * 31 + Long.hashCode(4L))));
  }

  @ParameterizedTest
  @MethodSource("keys")
  <K> void isAPojoThatSurvivesSerialization(TypeInformation<K> type, K key, int hash)
      throws IOException {
    assertThat(type).isInstanceOf(PojoTypeInfo.class);
    TypeSerializer<K> serializer = type.createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(key, out);
    K copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(copy).isEqualTo(key).hasSameHashCodeAs(key);
  }

  @ParameterizedTest
  @MethodSource("keys")
  <K> void hashesByTheSpecifiedStringAndLongHashes(TypeInformation<K> type, K key, int hash) {
    assertThat(key.hashCode()).isEqualTo(hash);
    assertThat(KeyGroupRangeAssignment.assignToKeyGroup(key, 128))
        .isEqualTo(KeyGroupRangeAssignment.computeKeyGroupForKeyHash(hash, 128));
  }

  @Test
  void noDefaultDatabaseOrSchemaIsTheSameKeyAsAnEmptyOne() {
    assertThat(new StatementKey("fp", "ansi", null, null))
        .isEqualTo(new StatementKey("fp", "ansi", "", ""))
        .isNotEqualTo(new StatementKey("fp", "ansi", "", "other"));
  }
}
