package io.tributary.sql.parse;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops parses that run past their time. The parser runs on the caller's thread (no hand-off per
 * statement); one shared daemon thread sets the generated parser's {@code interrupted} flag when a
 * parse's time is up, which makes the parser give up at its next expression.
 */
final class ParseWatchdog {

  private static final ScheduledThreadPoolExecutor TIMER = newTimer();

  private ParseWatchdog() {}

  /**
   * Interrupts {@code parser} after {@code nanos} unless the returned handle is cancelled first.
   */
  static ScheduledFuture<?> watch(CCJSqlParser parser, long nanos) {
    return TIMER.schedule(() -> parser.interrupted = true, nanos, TimeUnit.NANOSECONDS);
  }

  private static ScheduledThreadPoolExecutor newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "tributary-parse-watchdog");
              t.setDaemon(true);
              return t;
            });
    // Most parses finish long before their deadline: drop cancelled tasks at once.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
