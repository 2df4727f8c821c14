package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.model.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store's counts and the dead letters page by page, newest first. */
public abstract class StoreStatsITCase extends StoreITCaseBase {

  private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void countsWhatTheStoreHoldsAndPagesTheDeadLetters() {
    assertThat(store.stats().read().resources())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(EntityType.TABLE, 0L, EntityType.VIEW, 0L, EntityType.COLUMN, 0L));

    ResourceRow orders =
        ResourceRow.table(
            Optional.empty(),
            Optional.of("db"),
            Optional.of("raw"),
            "orders",
            EntityType.TABLE,
            Optional.empty(),
            false);
    ResourceRow amount =
        ResourceRow.column(
            orders, "amount", Optional.empty(), Optional.empty(), OptionalInt.of(1), false);
    store.resources().upsert(List.of(orders, amount));
    DiscoveredResources.register(store, TableName.of("db", "marts", "revenue"), "total");
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    store
        .edges()
        .upsertDerived(
            List.of(
                new DerivedEdge(a, b, T1, Optional.of("fp1")),
                new DerivedEdge(b, c, T1, Optional.of("fp1"))));
    store.edges().createManual(a, c, Direction.DOWNSTREAM);
    store.edges().delete(StoreIds.edgeId(b, c, Direction.DOWNSTREAM));
    store.queries().recordSeen(List.of(new QuerySeen("fp1", "insert ...", "postgresql", T1, T1)));
    store
        .queries()
        .recordExecutions(
            List.of(
                new QueryExecutions("fp1", "a", T1, 3, T1, T1),
                new QueryExecutions("fp1", "b", T1, 4, T1, T1)));
    List<DeadLetter> letters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      letters.add(
          new DeadLetter(
              UUID.randomUUID(),
              Optional.of("q" + i),
              Optional.empty(),
              "SELEC " + i,
              Optional.of("postgresql"),
              i < 3 ? DeadLetterReason.PARSE_ERROR : DeadLetterReason.TIMEOUT,
              "message " + i,
              T1.plusSeconds(i)));
    }
    store.queries().addDeadLetters(letters);

    StoreStats stats = store.stats().read();
    assertThat(stats.resources())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(EntityType.TABLE, 2L, EntityType.VIEW, 0L, EntityType.COLUMN, 2L));
    assertThat(stats.discoveredResources()).isEqualTo(2);
    assertThat(stats.relationships()).isEqualTo(2); // a→b derived, a→c manual; b→c deleted
    assertThat(stats.manualRelationships()).isEqualTo(1);
    assertThat(stats.tombstones()).isEqualTo(1);
    assertThat(stats.queriesSeen()).isEqualTo(1);
    assertThat(stats.executions()).isEqualTo(7);
    assertThat(stats.deadLetters())
        .containsExactlyInAnyOrderEntriesOf(Map.of("PARSE_ERROR", 3L, "TIMEOUT", 2L));

    Page<DeadLetter> first = store.queries().deadLetterPage(1, 2);
    Page<DeadLetter> last = store.queries().deadLetterPage(3, 2);
    assertThat(first.count()).isEqualTo(5);
    assertThat(first.results())
        .extracting(DeadLetter::statement)
        .containsExactly("SELEC 4", "SELEC 3");
    assertThat(last.results()).extracting(DeadLetter::statement).containsExactly("SELEC 0");
    assertThat(store.queries().deadLetterPage(4, 2).results()).isEmpty();
  }
}
