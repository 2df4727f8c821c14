package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ExecutionCount;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts executions per fingerprint, origin and day (the key) and reports the whole count, once per
 * {@code flushInterval} when it changed (in batch mode, once at the end of each key).
 *
 * <p>The count lives in checkpointed state and is reported whole, never as a difference: after a
 * restore the state is back at the checkpoint and the replayed rows bring it to the true count
 * again, and the store keeps the larger of what it has and what is written. So a failover or a
 * second backfill of the same days never counts an execution twice.
 */
final class CountExecutionsPerDay
    extends KeyedProcessFunction<ExecutionCount.Key, ExecutionCount, ExecutionCount> {

  private static final long serialVersionUID = 1L;

  private final Duration ttl;
  private final Duration flushInterval;

  private transient ValueState<ExecutionCount> count;
  private transient ValueState<Boolean> reportDue;

  /**
   * @param ttl how long a day's count is kept after its last execution; null for the whole run
   */
  CountExecutionsPerDay(Duration ttl, Duration flushInterval) {
    this.ttl = ttl;
    this.flushInterval = flushInterval;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<ExecutionCount> countDescriptor =
        ExpiringValueState.descriptor("executionCount", ExecutionCount.class, ttl);
    count = getRuntimeContext().getState(countDescriptor);
    reportDue =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("reportDue", TypeInformation.of(Boolean.class)));
  }

  @Override
  public void processElement(ExecutionCount more, Context ctx, Collector<ExecutionCount> out)
      throws Exception {
    ExecutionCount current = count.value();
    count.update(
        current == null
            ? more
            : current.plus(more.executions(), more.firstSeenMillis(), more.lastSeenMillis()));
    if (reportDue.value() == null) {
      reportDue.update(Boolean.TRUE);
      ctx.timerService()
          .registerProcessingTimeTimer(
              ctx.timerService().currentProcessingTime() + flushInterval.toMillis());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ExecutionCount> out)
      throws Exception {
    reportDue.clear();
    ExecutionCount current = count.value();
    if (current != null) {
      out.collect(current);
    }
  }
}
