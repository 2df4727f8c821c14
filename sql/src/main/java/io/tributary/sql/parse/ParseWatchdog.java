package io.tributary.sql.parse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops parses that run past their time. The parser runs on the caller's thread (no hand-off per
 * statement); one daemon thread looks at the running parses every few milliseconds and sets the
 * generated parser's {@code interrupted} flag on those past their deadline, which makes the parser
 * give up at its next expression.
 *
 * <p>Watching a parse is a put into and a remove from a concurrent set: no thread is woken per
 * statement, unlike scheduling a task on a timer. The watchdog thread ends once nothing was parsed
 * for a second and the next parse starts a new one: a thread that outlived its work would pin the
 * class loader of these classes, which on a Flink session cluster is the job's, job after job.
 */
final class ParseWatchdog {

  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final int IDLE_TICKS_BEFORE_ENDING = 200;
  static final String THREAD_NAME = "tributary-parse-watchdog";

  private static final Set<Watch> RUNNING = ConcurrentHashMap.newKeySet();

  /** The running watchdog, if any; started and ended under the class's lock. */
  private static Thread thread;

  private ParseWatchdog() {}

  /** Interrupts {@code parser} after {@code nanos} unless the returned watch is closed first. */
  static Watch watch(CCJSqlParser parser, long nanos) {
    Watch watch = new Watch(parser, System.nanoTime() + nanos);
    RUNNING.add(watch);
    ensureRunning();
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

  private static synchronized void ensureRunning() {
    if (thread == null) {
      thread = new Thread(ParseWatchdog::run, THREAD_NAME);
      thread.setDaemon(true);
      // It needs no class loader of its own; do not keep the caller's alive through it.
      thread.setContextClassLoader(null);
      thread.start();
    }
  }

  /** Ends the watchdog if still nothing is parsed; a watch added since keeps it running. */
  private static synchronized boolean endIfIdle() {
    if (RUNNING.isEmpty()) {
      thread = null;
      return true;
    }
    return false;
  }

  private static void run() {
    int idleTicks = 0;
    while (true) {
      if (RUNNING.isEmpty()) {
        if (++idleTicks > IDLE_TICKS_BEFORE_ENDING && endIfIdle()) {
          return;
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
