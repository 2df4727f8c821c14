package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.ErrorKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's thread does not outlive the parsing: on a Flink session cluster a thread that
 * never ends pins the class loader of the job that started it, job after job.
 */
class ParseWatchdogTest {

  @Test
  void theWatchdogThreadEndsOnceNothingIsParsedAndAParseStartsItAgain() throws Exception {
    StatementParser parser = new StatementParser(Dialects.ANSI);
    assertThat(parser.parse("SELECT a FROM t", 1, Duration.ofSeconds(10).toNanos()))
        .isInstanceOf(ParseResult.Parsed.class);
    assertThat(awaitNoWatchdog(Duration.ofSeconds(10)))
        .as("a watchdog thread still runs 10 s after the last parse")
        .isTrue();

    // Parsing stays bounded in time after the watchdog ended: the next parse starts a new one.
    ParseResult slow = parser.parse(longExpression(), 1, Duration.ofMillis(1).toNanos());
    assertThat(slow).isInstanceOf(ParseResult.Failed.class);
    assertThat(((ParseResult.Failed) slow).error().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(awaitNoWatchdog(Duration.ofSeconds(10))).isTrue();
  }

  private static boolean awaitNoWatchdog(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (watchdogAlive()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static boolean watchdogAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("tributary-parse-watchdog") && t.isAlive());
  }

  private static String longExpression() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < 20_000; i++) {
      sql.append(i == 0 ? "" : " + ").append("(a").append(i).append(" * 2)");
    }
    return sql.append(" FROM t").toString();
  }
}
