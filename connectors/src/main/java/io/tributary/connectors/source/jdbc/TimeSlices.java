package io.tributary.connectors.source.jdbc;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Splits {@code [from, to)} into consecutive slices, the parameters of parallel reads. */
final class TimeSlices {

  private TimeSlices() {}

  /** Each row: the slice's start and end in epoch millis; the last slice ends at {@code to}. */
  static Serializable[][] of(Instant from, Instant to, Duration slice) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from must be before --to");
    }
    long step = Math.max(1, slice.toMillis());
    List<Serializable[]> rows = new ArrayList<>();
    for (long start = from.toEpochMilli(); start < to.toEpochMilli(); start += step) {
      rows.add(new Serializable[] {start, Math.min(start + step, to.toEpochMilli())});
    }
    return rows.toArray(Serializable[][]::new);
  }
}
