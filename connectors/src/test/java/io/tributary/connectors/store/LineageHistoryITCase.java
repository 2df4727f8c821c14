package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.SchemaHistoryDao.LearnedColumn;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lineage over time on a real database: replacements and unseen retirements (and what brings an
 * edge back), DDL history (learned schema, rename, swap, drop and recreate), reads as of a time,
 * and usage.
 */
public abstract class LineageHistoryITCase extends StoreITCaseBase {

  private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2025-02-01T00:00:00Z");
  private static final Instant T3 = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant T4 = Instant.parse("2025-04-01T00:00:00Z");

  private static String unique(String name) {
    return name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private ResourceRow table(String name) {
    ResourceRow row =
        ResourceRow.discoveredTable(TableName.of("db", "s", unique(name)), IdentifierCase.PRESERVE);
    store.resources().upsert(List.of(row));
    return row;
  }

  private ResourceRow column(ResourceRow table, String name) {
    ResourceRow row =
        ResourceRow.column(
            table, name, Optional.empty(), Optional.empty(), OptionalInt.empty(), true);
    store.resources().upsert(List.of(row));
    return row;
  }

  private static DerivedEdge edge(ResourceRow from, ResourceRow to, Instant at, String query) {
    return new DerivedEdge(from.id(), to.id(), at, Optional.of(query));
  }

  /** The sources of the edges into {@code target} that {@code view} sees. */
  private Set<UUID> sourcesOf(ResourceRow target, LineageView view) {
    return store
        .history()
        .list(new EdgeFilter(List.of(), List.of(target.id())), view, 1, 100)
        .results()
        .stream()
        .filter(e -> e.direction() == Direction.DOWNSTREAM)
        .map(LineageEdge::source)
        .collect(Collectors.toSet());
  }

  private Set<UUID> sourcesOf(ResourceRow target) {
    return sourcesOf(target, LineageView.current());
  }

  private static LineageView asOf(Instant t) {
    return new LineageView(Optional.of(t), false, false);
  }

  private static UUID downstreamId(ResourceRow from, ResourceRow to) {
    return StoreIds.edgeId(from.id(), to.id(), Direction.DOWNSTREAM);
  }

  @Test
  void aReplacementRetiresOlderLineageWhichOlderHistoryCannotBringBackButNewerExecutionsDo() {
    ResourceRow s1 = table("s1"), s2 = table("s2"), s0 = table("s0"), t = table("t");
    ResourceRow s1a = column(s1, "a"), ta = column(t, "a");
    store.edges().upsertDerived(List.of(edge(s1, t, T1, "q1"), edge(s1a, ta, T1, "q1")));
    store.edges().upsertDerived(List.of(edge(s2, t, T2, "q2")));
    assertThat(sourcesOf(t)).containsExactlyInAnyOrder(s1.id(), s2.id());

    store
        .history()
        .replaceUpstream(t.id(), List.of(edge(s2, t, T3, "q3")), T3, RetirementReason.REPLACED);
    assertThat(sourcesOf(t)).containsExactly(s2.id());
    assertThat(sourcesOf(ta)).isEmpty(); // a column of the replaced table
    assertThat(store.history().retirements(List.of(downstreamId(s1, t), downstreamId(s2, t))))
        .containsOnlyKeys(downstreamId(s1, t))
        .containsEntry(downstreamId(s1, t), new Retirement(T3, RetirementReason.REPLACED));
    // kept as history
    assertThat(sourcesOf(t, new LineageView(Optional.empty(), true, false)))
        .containsExactlyInAnyOrder(s1.id(), s2.id());
    assertThat(sourcesOf(t, asOf(T2))).containsExactlyInAnyOrder(s1.id(), s2.id());
    assertThat(sourcesOf(t, asOf(T1))).containsExactly(s1.id());
    long edges = edgeRows();

    // A backfill of older history: replayed and never-seen-before old edges stay retired.
    store.edges().upsertDerived(List.of(edge(s1, t, T1, "q1"), edge(s1a, ta, T2, "q1")));
    store.edges().upsertDerived(List.of(edge(s0, t, T2, "q0")));
    assertThat(sourcesOf(t)).containsExactly(s2.id());
    assertThat(sourcesOf(ta)).isEmpty();
    // Replaying the replacement changes nothing.
    store
        .history()
        .replaceUpstream(t.id(), List.of(edge(s2, t, T3, "q3")), T3, RetirementReason.REPLACED);
    assertThat(edgeRows()).isEqualTo(edges + 2);
    assertThat(sourcesOf(t)).containsExactly(s2.id());

    // A newer execution of a query that writes it brings it back.
    store.edges().upsertDerived(List.of(edge(s1, t, T4, "q1")));
    assertThat(sourcesOf(t)).containsExactlyInAnyOrder(s1.id(), s2.id());
    assertThat(store.history().retirements(List.of(downstreamId(s1, t)))).isEmpty();
  }

  @Test
  void aReplacementRecordedByASinkRetiresEdgesWrittenBeforeOrAfterIt() throws Exception {
    ResourceRow early = table("early"), late = table("late"), t = table("t");
    store.edges().upsertDerived(List.of(edge(early, t, T1, "q1")));
    // as a job's sink records it, twice (a replay)
    for (int i = 0; i < 2; i++) {
      try (Connection c = store.dataSource().getConnection();
          PreparedStatement ps = c.prepareStatement(LineageHistoryDao.INSERT_REPLACEMENT)) {
        LineageHistoryDao.bindReplacement(ps, t.id(), T2, RetirementReason.REPLACED);
        assertThat(ps.executeUpdate()).isEqualTo(i == 0 ? 1 : 0);
      }
    }
    // the replacing statement's own edge, and an older one the backfill reaches only now
    store
        .edges()
        .upsertDerived(List.of(edge(late, t, T2, "q2"), edge(table("older"), t, T1, "q3")));
    assertThat(sourcesOf(t)).containsExactly(late.id());
  }

  @Test
  void aRequestedReplacementAsksForItsEdgesAgainEvenWhenDeletedBefore() {
    ResourceRow s = table("s"), t = table("t");
    store.edges().upsertDerived(List.of(edge(s, t, T1, "q1")));
    store.edges().delete(downstreamId(s, t)).orElseThrow();
    // a statement from the log respects the tombstone
    store
        .history()
        .replaceUpstream(t.id(), List.of(edge(s, t, T2, "q1")), T2, RetirementReason.REPLACED);
    assertThat(sourcesOf(t)).isEmpty();
    // a request asks for it
    store
        .history()
        .replaceUpstream(
            t.id(), List.of(edge(s, t, T3, "q1")), T3, RetirementReason.LINEAGE_FROM_QUERY);
    assertThat(sourcesOf(t)).containsExactly(s.id());
  }

  @Test
  void unseenEdgesRetireAgainstTheNewestActivityOnTheirTargetAndComeBackWhenSeenAgain() {
    ResourceRow old = table("old"), fresh = table("fresh"), t = table("t");
    ResourceRow oldA = column(old, "a"), tb = column(t, "b"), manual = table("manual");
    Instant later = T1.plus(Duration.ofDays(100));
    store.edges().upsertDerived(List.of(edge(old, t, T1, "q1"), edge(oldA, tb, T1, "q1")));
    store.edges().upsertDerived(List.of(edge(fresh, t, later, "q2")));
    store.edges().createManual(manual.id(), t.id(), Direction.DOWNSTREAM);

    // 100 days between them: a 120-day period retires nothing, a 90-day one the old edges.
    assertThat(store.history().retireUnseen(Duration.ofDays(120))).isZero();
    assertThat(store.history().retireUnseen(Duration.ofDays(90))).isEqualTo(2);
    assertThat(sourcesOf(t)).containsExactlyInAnyOrder(fresh.id(), manual.id());
    assertThat(sourcesOf(tb)).isEmpty();
    assertThat(store.history().retirements(List.of(downstreamId(old, t))))
        .containsEntry(downstreamId(old, t), new Retirement(later, RetirementReason.UNSEEN));
    assertThat(sourcesOf(t, asOf(T2))).contains(old.id());
    // running it again changes nothing; an old execution replayed keeps it retired
    assertThat(store.history().retireUnseen(Duration.ofDays(90))).isZero();
    store.edges().upsertDerived(List.of(edge(old, t, T1, "q1")));
    assertThat(sourcesOf(t)).doesNotContain(old.id());
    // a newer execution brings it back
    store.edges().upsertDerived(List.of(edge(old, t, later.plusSeconds(1), "q1")));
    assertThat(sourcesOf(t)).contains(old.id());
  }

  @Test
  void aRunningRetirementRetiresUnseenEdgesAsTheyAppear() throws Exception {
    ResourceRow stale = table("stale"), fresh = table("fresh"), t = table("t");
    store.edges().upsertDerived(List.of(edge(stale, t, T1, "q1"), edge(fresh, t, T2, "q2")));
    List<String> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (UnseenRetirement retirement =
        UnseenRetirement.start(
            database.jdbcUrl(), Duration.ofDays(20), Duration.ofMillis(50), reports::add)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (sourcesOf(t).contains(stale.id()) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sourcesOf(t)).containsExactly(fresh.id());
      // an edge going stale while it runs is retired on a later round
      store.edges().upsertDerived(List.of(edge(stale, t, T3, "q1"), edge(fresh, t, T4, "q2")));
      while (sourcesOf(t).contains(stale.id()) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sourcesOf(t)).containsExactly(fresh.id());
    }
    assertThat(reports).isNotEmpty().allMatch(r -> r.startsWith("retired "));
  }

  @Test
  void createTableTeachesTheSchemaUnlessACatalogKnowsTheTable() {
    TableName name = TableName.of("db", "s", unique("learned"));
    // seen in a query first, without types
    ResourceRow seen = DiscoveredResources.register(store, name, "b").get(0);
    UUID id =
        store
            .schemaHistory()
            .learnTable(
                name,
                EntityType.TABLE,
                List.of(LearnedColumn.of("a", "INTEGER"), LearnedColumn.of("b", "VARCHAR(20)")),
                T1);
    assertThat(id).isEqualTo(seen.id());
    StoreCatalog.StoredTable table = store.catalog().resolve(name).orElseThrow();
    assertThat(table.columns()).extracting(c -> c.name()).containsExactly("a", "b");
    assertThat(store.resources().columns(id))
        .extracting(r -> r.nativeType().orElse(null))
        .containsExactly("INTEGER", "VARCHAR(20)");
    assertThat(learned(id)).isTrue();

    // created again with other columns: SELECT * sees the new ones
    store
        .schemaHistory()
        .learnTable(name, EntityType.TABLE, List.of(LearnedColumn.of("c", "DATE")), T2);
    assertThat(store.catalog().resolve(name).orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("c");
    store.schemaHistory().learnColumns(name, List.of(LearnedColumn.of("d", "TEXT")), T3);
    store.schemaHistory().dropColumns(name, List.of("c"), T4);
    assertThat(store.catalog().resolve(name).orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("d");

    // A catalog table of the same name wins, and keeps its columns.
    Integration catalog = store.resources().upsertIntegration(unique("warehouse"), "postgres");
    TableName other = TableName.of("db", "s", unique("imported"));
    ResourceRow imported =
        ResourceRow.table(
            Optional.of(catalog.id()),
            other.database(),
            other.schema(),
            other.name(),
            EntityType.TABLE,
            Optional.empty(),
            false);
    store
        .resources()
        .upsert(
            List.of(
                imported,
                ResourceRow.column(
                    imported,
                    "x",
                    Optional.of("int"),
                    Optional.empty(),
                    OptionalInt.of(1),
                    false)));
    UUID learnedOther =
        store
            .schemaHistory()
            .learnTable(other, EntityType.TABLE, List.of(LearnedColumn.of("y", "INTEGER")), T1);
    assertThat(learnedOther).isEqualTo(imported.id());
    assertThat(store.catalog().resolve(other).orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("x");
  }

  private boolean learned(UUID id) {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT learned FROM resources WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResourceRow row(UUID id, TableName name) {
    return new ResourceRow(
        id,
        name.name(),
        EntityType.TABLE,
        Optional.empty(),
        Optional.empty(),
        name.schema(),
        name.database(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        true);
  }

  private ResourceRow columnRow(UUID tableId, String name) {
    return new ResourceRow(
        StoreIds.columnId(tableId, name),
        name,
        EntityType.COLUMN,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(tableId),
        OptionalInt.empty(),
        true);
  }

  private Set<UUID> listedIds(String title, LineageView view) {
    ResourceFilter filter =
        new ResourceFilter(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(title),
            Optional.empty());
    return store.resources().list(filter, view, 1, 100).results().stream()
        .map(Resource::id)
        .collect(Collectors.toSet());
  }

  @Test
  void aRenameMovesTheTableWithItsColumnsAndWhatFedIt() {
    ResourceRow src = table("src");
    ResourceRow srcX = column(src, "x");
    TableName aName = TableName.of("db", "s", unique("a"));
    TableName bName = TableName.of("db", "s", unique("b"));
    UUID aId =
        store
            .schemaHistory()
            .learnTable(aName, EntityType.TABLE, List.of(LearnedColumn.of("x", "INT")), T1);
    ResourceRow a = row(aId, aName), ax = columnRow(aId, "x");
    store.edges().upsertDerived(List.of(edge(src, a, T1, "fill"), edge(srcX, ax, T1, "fill")));

    UUID bId = store.schemaHistory().rename(aName, bName, T2, Optional.of("rename"));
    ResourceRow b = row(bId, bName), bx = columnRow(bId, "x");
    assertThat(store.catalog().resolve(bName).orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("x");
    // what fed a visibly feeds b, a is gone from the current lineage and lists
    assertThat(sourcesOf(b)).containsExactly(src.id());
    assertThat(sourcesOf(bx)).containsExactly(srcX.id());
    assertThat(listedIds(aName.name(), LineageView.current())).isEmpty();
    assertThat(listedIds(aName.name(), LineageView.everything())).containsExactly(aId);
    // the link a -> b, column by column, is kept as history
    assertThat(sourcesOf(bx, LineageView.everything()))
        .containsExactlyInAnyOrder(srcX.id(), ax.id());
    // as of before the rename: a existed with its lineage, b did not
    assertThat(listedIds(aName.name(), asOf(T1))).containsExactly(aId);
    assertThat(listedIds(bName.name(), asOf(T1))).isEmpty();
    assertThat(sourcesOf(a, asOf(T1))).containsExactly(src.id());
    assertThat(store.schemaHistory().events(aId))
        .extracting(ResourceEvent::kind)
        .containsExactly(ResourceEvent.Kind.CREATED, ResourceEvent.Kind.RENAMED);

    // replayed: nothing changes
    long edges = edgeRows();
    store.schemaHistory().rename(aName, bName, T2, Optional.of("rename"));
    assertThat(edgeRows()).isEqualTo(edges);
  }

  @Test
  void aSwapExchangesTheLineageOfTwoTables() {
    ResourceRow s1 = table("s1"), s2 = table("s2");
    TableName aName = TableName.of("db", "s", unique("a"));
    TableName bName = TableName.of("db", "s", unique("b"));
    UUID aId =
        store
            .schemaHistory()
            .learnTable(aName, EntityType.TABLE, List.of(LearnedColumn.of("x", "INT")), T1);
    UUID bId =
        store
            .schemaHistory()
            .learnTable(bName, EntityType.TABLE, List.of(LearnedColumn.of("y", "INT")), T1);
    ResourceRow a = row(aId, aName), b = row(bId, bName);
    store.edges().upsertDerived(List.of(edge(s1, a, T1, "fill_a"), edge(s2, b, T1, "fill_b")));

    store.schemaHistory().swap(aName, bName, T2, Optional.empty());
    assertThat(sourcesOf(a)).containsExactlyInAnyOrder(s2.id(), bId);
    assertThat(sourcesOf(b)).containsExactlyInAnyOrder(s1.id(), aId);
    assertThat(store.catalog().resolve(aName).orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("y");
    assertThat(sourcesOf(a, asOf(T1))).containsExactly(s1.id());
    assertThat(listedIds(aName.name(), LineageView.current())).containsExactly(aId);
  }

  @Test
  void aDroppedTableLeavesListsAndLineageUntilCreatedAgain() {
    ResourceRow src = table("src"), other = table("other");
    TableName name = TableName.of("db", "s", unique("dropped"));
    UUID id =
        store
            .schemaHistory()
            .learnTable(name, EntityType.TABLE, List.of(LearnedColumn.of("x", "INT")), T1);
    ResourceRow t = row(id, name);
    store.edges().upsertDerived(List.of(edge(src, t, T1, "fill"), edge(t, other, T1, "read")));

    store.schemaHistory().drop(name, T2);
    assertThat(listedIds(name.name(), LineageView.current())).isEmpty();
    assertThat(listedIds(name.name(), asOf(T1))).containsExactly(id);
    assertThat(sourcesOf(t)).isEmpty();
    assertThat(sourcesOf(other)).isEmpty(); // its edges out leave the graph too
    assertThat(sourcesOf(other, LineageView.everything())).containsExactly(id); // kept as history
    assertThat(sourcesOf(t, asOf(T1))).containsExactly(src.id());
    assertThat(store.schemaHistory().exists(id, LineageView.current())).isFalse();

    // created again and filled by another query: only the new lineage is live
    ResourceRow src2 = table("src2");
    store
        .schemaHistory()
        .learnTable(name, EntityType.TABLE, List.of(LearnedColumn.of("x", "INT")), T3);
    store.edges().upsertDerived(List.of(edge(src2, t, T4, "refill")));
    assertThat(listedIds(name.name(), LineageView.current())).containsExactly(id);
    assertThat(sourcesOf(t)).containsExactly(src2.id());
    assertThat(store.schemaHistory().exists(id, asOf(T2))).isFalse();
    assertThat(store.schemaHistory().exists(id, asOf(T3))).isTrue();
  }

  @Test
  void manyDroppedTablesAreLeftOutAsAFewAre() {
    // More gone resources than a read lists by id: the reads fall back to their subqueries.
    String prefix = unique("many");
    List<TableName> names = new java.util.ArrayList<>();
    for (int i = 0; i <= TimeSql.MAX_LISTED; i++) {
      names.add(TableName.of("db", "s", prefix + "_" + i));
    }
    names.forEach(n -> DiscoveredResources.register(store, n));
    ResourceRow reader = table("reader");
    ResourceRow first = ResourceRow.discoveredTable(names.get(0), IdentifierCase.PRESERVE);
    ResourceRow kept = table("kept");
    store.edges().upsertDerived(List.of(edge(first, reader, T1, "q"), edge(kept, reader, T1, "q")));
    names.forEach(n -> store.schemaHistory().drop(n, T2));

    ResourceFilter byPrefix =
        new ResourceFilter(
            Optional.of(EntityType.TABLE),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(prefix));
    assertThat(store.resources().list(byPrefix, LineageView.current(), 1, 10).count()).isZero();
    assertThat(store.resources().list(byPrefix, asOf(T1), 1, 10).count()).isEqualTo(names.size());
    assertThat(sourcesOf(reader)).containsExactly(kept.id());
    assertThat(sourcesOf(reader, asOf(T1))).containsExactlyInAnyOrder(kept.id(), first.id());
    assertThat(store.schemaHistory().exists(first.id(), LineageView.current())).isFalse();
  }

  @Test
  void usageCountsTheQueriesReadingAndWritingAResource() {
    ResourceRow src = table("src"), t = table("t"), next = table("next");
    ResourceRow tx = column(t, "x"), srcX = column(src, "x");
    String fill = unique("fill"), read = unique("read");
    store
        .queries()
        .recordSeen(
            List.of(
                new QuerySeen(fill, "INSERT INTO t SELECT x FROM src", "postgresql", T1, T2),
                new QuerySeen(read, "INSERT INTO next SELECT x FROM t", "postgresql", T1, T3)));
    store
        .queries()
        .recordExecutions(
            List.of(
                new QueryExecutions(fill, "log", T1, 3, T1, T1),
                new QueryExecutions(fill, "log", T2, 2, T2, T2),
                new QueryExecutions(read, "log", T3, 7, T3, T3)));
    store
        .usage()
        .recordUsers(
            List.of(
                new QueryUser(fill, "etl", T1),
                new QueryUser(read, "etl", T3),
                new QueryUser(read, "analyst", T3),
                new QueryUser(read, "analyst", T3)));
    store
        .edges()
        .upsertDerived(
            List.of(edge(src, t, T2, fill), edge(srcX, tx, T2, fill), edge(t, next, T3, read)));

    ResourceUsage usage = store.usage().usage(t.id(), 10);
    assertThat(usage.executions()).isEqualTo(12);
    assertThat(usage.distinctUsers()).isEqualTo(2);
    assertThat(usage.lastRead()).contains(T3);
    assertThat(usage.lastWritten()).contains(T2);
    assertThat(usage.topQueries())
        .extracting(q -> q.query().fingerprint(), ResourceUsage.QueryUsage::executions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(read, 7L),
            org.assertj.core.groups.Tuple.tuple(fill, 5L));
    assertThat(usage.topQueries().get(0).reads()).isTrue();
    assertThat(usage.topQueries().get(0).writes()).isFalse();
    assertThat(store.usage().usage(t.id(), 1).topQueries()).hasSize(1);
    // a column: only its own edges
    ResourceUsage column = store.usage().usage(tx.id(), 10);
    assertThat(column.executions()).isEqualTo(5);
    assertThat(column.lastRead()).isEmpty();
  }

  /** Every stored edge row, live or retired. */
  private long edgeRows() {
    try (java.sql.Connection c = store.dataSource().getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM lineage_edges")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
