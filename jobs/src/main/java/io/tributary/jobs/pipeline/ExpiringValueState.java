package io.tributary.jobs.pipeline;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Value state that is forgotten {@code ttl} after it was last written (never read once expired),
 * how the pipeline's streaming state ends; a null ttl keeps it for the whole run.
 */
final class ExpiringValueState {

  private ExpiringValueState() {}

  static <T> ValueStateDescriptor<T> descriptor(String name, Class<T> type, Duration ttl) {
    ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(name, TypeInformation.of(type));
    if (ttl != null) {
      descriptor.enableTimeToLive(
          StateTtlConfig.newBuilder(ttl).updateTtlOnCreateAndWrite().neverReturnExpired().build());
    }
    return descriptor;
  }
}
