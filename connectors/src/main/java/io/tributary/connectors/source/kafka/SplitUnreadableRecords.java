package io.tributary.connectors.source.kafka;

import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.store.DeadLetter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Sends the statements on and the dead letters of unreadable records to a side output. */
public final class SplitUnreadableRecords extends ProcessFunction<KafkaQueryMessage, QueryRecord> {

  private static final long serialVersionUID = 1L;

  private final OutputTag<DeadLetter> unreadable;

  public SplitUnreadableRecords(OutputTag<DeadLetter> unreadable) {
    this.unreadable = unreadable;
  }

  @Override
  public void processElement(KafkaQueryMessage message, Context ctx, Collector<QueryRecord> out) {
    if (message.record() != null) {
      out.collect(message.record());
    } else {
      ctx.output(unreadable, message.unreadable());
    }
  }
}
