package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Queries seen widen their times, daily counts are kept whole, dead letters are kept. */
public abstract class QueryDaoITCase extends StoreITCaseBase {

  private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2025-01-02T00:00:00Z");
  private static final Instant T3 = Instant.parse("2025-01-03T00:00:00Z");

  @Test
  void seenTimesWidenAndTheFirstSampleStays() {
    String fp = fingerprint();
    store.queries().recordSeen(List.of(new QuerySeen(fp, "select 1", "postgresql", T2, T2)));
    store.queries().recordSeen(List.of(new QuerySeen(fp, "select 2", "postgresql", T1, T3)));

    QuerySeen seen = store.queries().seen(fp).orElseThrow();
    assertThat(seen.firstSeen()).isEqualTo(T1);
    assertThat(seen.lastSeen()).isEqualTo(T3);
    assertThat(seen.sampleSql()).isEqualTo("select 1");
    assertThat(store.queries().seen("nope")).isEmpty();
    assertThat(store.queries().executions("nope")).isZero();
  }

  @Test
  void aDayCountWrittenAgainIsNotAddedButOtherDaysAndOriginsAre() {
    String fp = fingerprint();
    Instant day = T1;
    Instant nextDay = T2;
    store
        .queries()
        .recordExecutions(
            List.of(
                new QueryExecutions(fp, "file:/logs/a.jsonl", day, 3, T1, T1.plusSeconds(60)),
                new QueryExecutions(fp, "file:/logs/a.jsonl", nextDay, 2, nextDay, nextDay),
                new QueryExecutions(fp, "file:/logs/b.jsonl", day, 4, T1, T1)));
    assertThat(store.queries().executions(fp)).isEqualTo(9);

    // A replay writes the same counts; a count read before the day was whole is smaller.
    store
        .queries()
        .recordExecutions(
            List.of(
                new QueryExecutions(fp, "file:/logs/a.jsonl", day, 3, T1, T1.plusSeconds(60)),
                new QueryExecutions(fp, "file:/logs/b.jsonl", day, 1, T1, T1)));
    assertThat(store.queries().executions(fp)).isEqualTo(9);

    // More rows of the same day read later (late rows, a longer file): the larger count wins.
    store
        .queries()
        .recordExecutions(
            List.of(new QueryExecutions(fp, "file:/logs/a.jsonl", day, 5, T1, T1.plusSeconds(90))));
    assertThat(store.queries().executions(fp)).isEqualTo(11);
  }

  private static String fingerprint() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void deadLettersAreKept() {
    DeadLetter letter =
        new DeadLetter(
            UUID.randomUUID(),
            Optional.of("q-1"),
            Optional.empty(),
            "SELEC 1",
            Optional.of("postgresql"),
            DeadLetterReason.PARSE_ERROR,
            "x".repeat(5000),
            T3);
    store.queries().addDeadLetters(List.of(letter));

    DeadLetter stored =
        store.queries().deadLetters(10).stream()
            .filter(d -> d.id().equals(letter.id()))
            .findFirst()
            .orElseThrow();
    assertThat(stored.statement()).isEqualTo("SELEC 1");
    assertThat(stored.queryId()).contains("q-1");
    assertThat(stored.reason()).isEqualTo(DeadLetterReason.PARSE_ERROR);
    assertThat(stored.message()).hasSize(4000);
    assertThat(stored.occurredAt()).isEqualTo(T3);
  }
}
