package io.tributary.connectors.source.jdbc;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.jdbc.split.JdbcSlideTimingParameterProvider;

/**
 * The time windows a continuous history source reads: {@code window} long, each once {@code
 * lateness} has passed after its end, like {@link JdbcSlideTimingParameterProvider} (which {@code
 * JdbcSource} requires for continuous reading, hence the subclass). Unlike it, time the source is
 * behind on (a start in the past, a job that was stopped) is read in windows of up to {@code
 * catchUp}, so starting an hour back costs one query, not one per window.
 */
final class CatchUpWindows extends JdbcSlideTimingParameterProvider {

  private static final long serialVersionUID = 1L;

  private final long windowMillis;
  private final long latenessMillis;
  private final long longestMillis;
  private long next;

  CatchUpWindows(long startMillis, long windowMillis, long latenessMillis, long catchUpMillis) {
    super(startMillis, windowMillis, windowMillis, latenessMillis);
    this.windowMillis = windowMillis;
    this.latenessMillis = latenessMillis;
    // Whole windows, so windows after catching up keep the same boundaries.
    this.longestMillis = Math.max(windowMillis, catchUpMillis / windowMillis * windowMillis);
    this.next = startMillis;
  }

  @Override
  public Serializable[][] getParameterValues() {
    return windowsUntil(System.currentTimeMillis());
  }

  /** The windows ready at {@code nowMillis}, as {start, end} bounds; advances past them. */
  Serializable[][] windowsUntil(long nowMillis) {
    long readable = nowMillis - latenessMillis;
    List<Serializable[]> windows = new ArrayList<>();
    while (next + windowMillis <= readable) {
      long ready = (readable - next) / windowMillis * windowMillis;
      long end = next + Math.min(ready, longestMillis);
      windows.add(new Serializable[] {next, end});
      next = end;
    }
    return windows.toArray(Serializable[][]::new);
  }

  @Override
  public Long getLatestOptionalState() {
    return next;
  }

  @Override
  public void setOptionalState(Serializable state) {
    if (state instanceof Long restored) {
      next = restored;
    }
  }

  @Override
  public Long currentAvailableMillis() {
    return next;
  }
}
