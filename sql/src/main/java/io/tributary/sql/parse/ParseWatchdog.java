package io.tributary.sql.parse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops parses that run past their time. The parser runs on the caller's thread (no hand-off per
 * statement); one shared daemon thread looks at the running parses every few milliseconds and sets
 * the generated parser's {@code interrupted} flag on those past their deadline, which makes the
 * parser give up at its next expression.
 *
 * <p>Watching a parse is a put into and a remove from a concurrent set: no thread is woken per
 * statement, unlike scheduling a task on a timer. The watchdog parks while nothing is parsed.
 */
final class ParseWatchdog {

  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final int IDLE_TICKS_BEFORE_PARKING = 200;

  private static final Set<Watch> RUNNING = ConcurrentHashMap.newKeySet();
  private static volatile boolean parked;
  private static final Thread THREAD = start();

  private ParseWatchdog() {}

  /** Interrupts {@code parser} after {@code nanos} unless the returned watch is closed first. */
  static Watch watch(CCJSqlParser parser, long nanos) {
    Watch watch = new Watch(parser, System.nanoTime() + nanos);
    RUNNING.add(watch);
    if (parked) {
      LockSupport.unpark(THREAD);
    }
    return watch;
  }

  /** One watched parse; closing it stops the watching. */
  static final class Watch implements AutoCloseable {
    private final CCJSqlParser parser;
    private final long deadlineNanos;

    private Watch(CCJSqlParser parser, long deadlineNanos) {
      this.parser = parser;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void close() {
      RUNNING.remove(this);
    }
  }

  private static Thread start() {
    Thread t = new Thread(ParseWatchdog::run, "tributary-parse-watchdog");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void run() {
    int idleTicks = 0;
    while (true) {
      if (RUNNING.isEmpty()) {
        if (++idleTicks > IDLE_TICKS_BEFORE_PARKING) {
          parked = true;
          if (RUNNING.isEmpty()) {
            LockSupport.park();
          }
          parked = false;
          idleTicks = 0;
        }
      } else {
        idleTicks = 0;
        long now = System.nanoTime();
        for (Watch w : RUNNING) {
          if (now - w.deadlineNanos > 0) {
            w.parser.interrupted = true;
          }
        }
      }
      LockSupport.parkNanos(TICK_NANOS);
    }
  }
}
