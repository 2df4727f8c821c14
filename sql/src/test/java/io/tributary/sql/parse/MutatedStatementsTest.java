package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.parse.bench.StatementMix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The front end never throws and never hangs on broken input, in any dialect. */
class MutatedStatementsTest {

  private static final long TIMEOUT = Duration.ofSeconds(2).toNanos();

  @Test
  void mutatedStatementsAlwaysGiveAResult() {
    Random random = new Random(42);
    List<String> inputs = new ArrayList<>();
    for (String sql : StatementMix.STATEMENTS) {
      for (int i = 0; i < 40; i++) {
        inputs.add(mutate(sql, random));
      }
    }
    for (int i = 0; i < 100; i++) {
      inputs.add(randomText(random));
    }
    long start = System.nanoTime();
    int parsed = 0;
    for (int i = 0; i < inputs.size(); i++) {
      String input = inputs.get(i);
      Dialect dialect = Dialects.all().get(i % Dialects.all().size());
      assertThatCode(() -> QueryFingerprint.of(input, dialect)).doesNotThrowAnyException();
      List<ScriptStatement> statements = new ScriptSplitter(dialect).split(input);
      for (ScriptStatement statement : statements) {
        if (new UtilityRecognizer(dialect).recognize(statement.sql()).isPresent()) {
          continue;
        }
        ParseResult result = new StatementParser(dialect).parse(statement, TIMEOUT);
        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Parsed) {
          parsed++;
        }
      }
    }
    assertThat(parsed).as("some mutations still parse").isPositive();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  private static String mutate(String sql, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> sql.substring(0, random.nextInt(sql.length())); // truncated
      case 1 -> {
        List<String> tokens = new ArrayList<>(List.of(sql.split(" ")));
        Collections.swap(tokens, random.nextInt(tokens.size()), random.nextInt(tokens.size()));
        yield String.join(" ", tokens);
      }
      case 2 -> {
        StringBuilder b = new StringBuilder(sql);
        String specials = "'\"`[]();$-/*#\\\u0000";
        for (int i = 0; i < 3; i++) {
          b.setCharAt(
              random.nextInt(b.length()), specials.charAt(random.nextInt(specials.length())));
        }
        yield b.toString();
      }
      default -> sql + ";" + sql.substring(random.nextInt(sql.length()));
    };
  }

  private static String randomText(Random random) {
    char[] chars = new char[1 + random.nextInt(200)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) random.nextInt(random.nextBoolean() ? 128 : 0xFFFF);
    }
    return new String(chars);
  }
}
