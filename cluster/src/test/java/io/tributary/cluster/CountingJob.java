package io.tributary.cluster;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The smallest job worth submitting: counts to its argument and doubles every number in a second
 * task, so that the numbers cross the network between TaskManagers.
 */
public final class CountingJob {
  private CountingJob() {}

  public static void main(String[] args) throws Exception {
    long count = Long.parseLong(args[0]);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(1, count)
        .name("numbers")
        .rebalance()
        .map(n -> n * 2)
        .returns(Long.class)
        .name("double")
        .sinkTo(new DiscardingSink<>())
        .name("discard");
    env.execute("counting to " + count);
  }
}
