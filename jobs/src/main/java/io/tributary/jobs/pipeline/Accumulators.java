package io.tributary.jobs.pipeline;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;

/** Job-wide totals the commands read from the job's result; one per metric name. */
final class Accumulators {

  private Accumulators() {}

  static LongCounter counter(RuntimeContext context, String name) {
    Object existing = context.getAccumulator(name);
    if (existing != null) {
      return (LongCounter) existing;
    }
    LongCounter counter = new LongCounter();
    context.addAccumulator(name, counter);
    return counter;
  }
}
