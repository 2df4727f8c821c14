package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.LineageKind;
import io.tributary.sql.model.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Edges: both directions in step, idempotent derived writes, manual edges kept, tombstones. */
public abstract class EdgeDaoITCase extends StoreITCaseBase {

  private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2025-02-01T00:00:00Z");

  private static UUID id() {
    return UUID.randomUUID();
  }

  private List<LineageEdge> edgesBetween(UUID a, UUID b) {
    return store.edges().list(new EdgeFilter(List.of(a, b), List.of(a, b)), 1, 50).results();
  }

  @Test
  void aRequestedWriteStoresResourcesQueriesAndEdgesTogetherOrNotAtAll() {
    String suffix = id().toString().substring(0, 8);
    ResourceRow a =
        ResourceRow.discoveredTable(
            TableName.of("db", "s", "requested_a_" + suffix), IdentifierCase.PRESERVE);
    ResourceRow b =
        ResourceRow.discoveredTable(
            TableName.of("db", "s", "requested_b_" + suffix), IdentifierCase.PRESERVE);
    String job = "job-" + suffix;
    store.writeRequested(
        List.of(a, b),
        List.of(new QuerySeen(job, "-- a job", "openlineage", T1, T2)),
        List.of(new DerivedEdge(a.id(), b.id(), T1, Optional.of(job))));
    assertThat(store.resources().find(b.id())).isPresent();
    assertThat(store.queries().seen(job)).isPresent();
    assertThat(edgesBetween(a.id(), b.id())).hasSize(2);

    // A query that cannot be stored (a time past what a timestamp holds) undoes the resources
    // written before it.
    ResourceRow c =
        ResourceRow.discoveredTable(
            TableName.of("db", "s", "requested_c_" + suffix), IdentifierCase.PRESERVE);
    ResourceRow d =
        ResourceRow.discoveredTable(
            TableName.of("db", "s", "requested_d_" + suffix), IdentifierCase.PRESERVE);
    assertThatThrownBy(
            () ->
                store.writeRequested(
                    List.of(c, d),
                    List.of(new QuerySeen(job, "-- a job", "openlineage", T1, Instant.MAX)),
                    List.of(new DerivedEdge(c.id(), d.id(), T1, Optional.of(job)))))
        .isInstanceOf(RuntimeException.class);
    assertThat(store.resources().find(c.id())).isEmpty();
    assertThat(edgesBetween(c.id(), d.id())).isEmpty();
  }

  @Test
  void manualEdgeIsStoredInBothDirections() {
    UUID a = id(), b = id();
    LineageEdge edge = store.edges().createManual(a, b, Direction.DOWNSTREAM);

    assertThat(edge.id()).isEqualTo(StoreIds.edgeId(a, b, Direction.DOWNSTREAM));
    assertThat(edge.fromEntity()).isEqualTo(a);
    assertThat(edge.toEntity()).isEqualTo(b);
    assertThat(edge.manual()).isTrue();
    assertThat(edge.provenance()).isEqualTo(Provenance.MANUAL);
    LineageEdge opposite =
        store.edges().find(StoreIds.edgeId(b, a, Direction.UPSTREAM)).orElseThrow();
    assertThat(opposite.manual()).isTrue();
    assertThat(edgesBetween(a, b)).hasSize(2);
    // creating it again, from the other side, changes nothing
    store.edges().createManual(b, a, Direction.UPSTREAM);
    assertThat(edgesBetween(a, b)).hasSize(2);
  }

  @Test
  void derivedWritesAreIdempotentAndWidenSeenTimes() {
    UUID a = id(), b = id();
    store.edges().upsertDerived(List.of(new DerivedEdge(a, b, T2, Optional.of("f1"))));
    store.edges().upsertDerived(List.of(new DerivedEdge(a, b, T2, Optional.of("f1"))));
    store.edges().upsertDerived(List.of(new DerivedEdge(a, b, T1, Optional.of("f2"))));

    List<LineageEdge> edges = edgesBetween(a, b);
    assertThat(edges).hasSize(2);
    for (LineageEdge e : edges) {
      assertThat(e.manual()).isFalse();
      assertThat(e.provenance()).isEqualTo(Provenance.QUERY);
      assertThat(e.firstSeen()).isEqualTo(T1);
      assertThat(e.lastSeen()).isEqualTo(T2);
      assertThat(e.queryFingerprint()).contains("f1");
    }
  }

  @Test
  void aColumnEdgesKindIsStoredAndDirectWinsWhateverTheOrder() {
    UUID a = id(), b = id(), c = id(), d = id(), e = id(), f = id();
    store.edges().upsertDerived(List.of(new DerivedEdge(a, b, T1, Optional.empty())));
    store.edges().upsertDerived(List.of(derived(c, d, LineageKind.DERIVED)));
    store.edges().upsertDerived(List.of(derived(c, d, LineageKind.DIRECT)));
    store.edges().upsertDerived(List.of(derived(e, f, LineageKind.DIRECT)));
    store.edges().upsertDerived(List.of(derived(e, f, LineageKind.DERIVED)));
    // A replay, and a write that does not know the kind, change nothing.
    store.edges().upsertDerived(List.of(derived(e, f, LineageKind.DIRECT)));
    store.edges().upsertDerived(List.of(new DerivedEdge(e, f, T1, Optional.empty())));
    UUID g = id(), h = id();
    store.edges().upsertDerived(List.of(derived(g, h, LineageKind.DERIVED)));
    store.edges().upsertDerived(List.of(derived(g, h, LineageKind.DERIVED)));

    assertThat(edgesBetween(a, b)).hasSize(2).allMatch(x -> x.kind().isEmpty());
    assertThat(edgesBetween(c, d))
        .hasSize(2)
        .allMatch(x -> x.kind().equals(Optional.of(LineageKind.DIRECT)));
    assertThat(edgesBetween(e, f))
        .hasSize(2)
        .allMatch(x -> x.kind().equals(Optional.of(LineageKind.DIRECT)));
    assertThat(edgesBetween(g, h))
        .hasSize(2)
        .allMatch(x -> x.kind().equals(Optional.of(LineageKind.DERIVED)));
  }

  private static DerivedEdge derived(UUID source, UUID target, LineageKind kind) {
    return new DerivedEdge(source, target, T1, Optional.of("f"), kind);
  }

  @Test
  void derivedWriteOfAManualEdgeChangesOnlyLastSeen() {
    UUID a = id(), b = id();
    LineageEdge manual = store.edges().createManual(a, b, Direction.DOWNSTREAM);
    Instant later = manual.lastSeen().plus(1, ChronoUnit.DAYS);

    store.edges().upsertDerived(List.of(new DerivedEdge(a, b, later, Optional.of("f"))));

    LineageEdge after = store.edges().find(manual.id()).orElseThrow();
    assertThat(after.manual()).isTrue();
    assertThat(after.provenance()).isEqualTo(Provenance.MANUAL);
    assertThat(after.lastSeen()).isEqualTo(later);
    assertThat(after.firstSeen()).isEqualTo(manual.firstSeen());
    assertThat(after.updatedAt()).isEqualTo(manual.updatedAt());
    assertThat(after.queryFingerprint()).isEmpty();
  }

  @Test
  void manualCreationUpgradesADerivedEdge() {
    UUID a = id(), b = id();
    store.edges().upsertDerived(List.of(new DerivedEdge(a, b, T1, Optional.empty())));
    store.edges().createManual(b, a, Direction.UPSTREAM);
    assertThat(edgesBetween(a, b)).hasSize(2).allMatch(LineageEdge::manual);
  }

  @Test
  void deletingADerivedEdgeRemovesBothDirectionsAndLeavesATombstone() {
    UUID a = id(), b = id();
    DerivedEdge derived = new DerivedEdge(a, b, T1, Optional.empty());
    store.edges().upsertDerived(List.of(derived));

    Optional<LineageEdge> deleted = store.edges().delete(StoreIds.edgeId(b, a, Direction.UPSTREAM));

    assertThat(deleted).isPresent();
    assertThat(edgesBetween(a, b)).isEmpty();
    assertThat(store.edges().tombstoned(a, b)).isTrue();
    store.edges().upsertDerived(List.of(derived));
    assertThat(edgesBetween(a, b)).isEmpty();
    // a person may bring it back
    store.edges().createManual(a, b, Direction.DOWNSTREAM);
    assertThat(store.edges().tombstoned(a, b)).isFalse();
    assertThat(edgesBetween(a, b)).hasSize(2);
  }

  @Test
  void deletingAManualEdgeLeavesNoTombstone() {
    UUID a = id(), b = id();
    LineageEdge edge = store.edges().createManual(a, b, Direction.DOWNSTREAM);
    assertThat(store.edges().delete(edge.id())).isPresent();
    assertThat(store.edges().delete(edge.id())).isEmpty();
    assertThat(store.edges().tombstoned(a, b)).isFalse();
    store.edges().upsertDerived(List.of(new DerivedEdge(a, b, T1, Optional.empty())));
    assertThat(edgesBetween(a, b)).hasSize(2);
  }

  @Test
  void writeFromQueryReplacesDerivedUpstreamButKeepsManual() {
    UUID target = id(), oldSource = id(), manualSource = id(), newSource = id(), other = id();
    store
        .edges()
        .upsertDerived(
            List.of(
                new DerivedEdge(oldSource, target, T1, Optional.empty()),
                new DerivedEdge(target, other, T1, Optional.empty())));
    store.edges().createManual(manualSource, target, Direction.DOWNSTREAM);

    store
        .edges()
        .writeFromQuery(
            List.of(new DerivedEdge(newSource, target, T2, Optional.empty())), List.of(target));

    assertThat(edgesBetween(oldSource, target)).isEmpty();
    assertThat(edgesBetween(manualSource, target)).hasSize(2);
    assertThat(edgesBetween(newSource, target)).hasSize(2);
    assertThat(edgesBetween(target, other)).as("downstream of the target stays").hasSize(2);
  }

  @Test
  void listPagesAndFilters() {
    UUID hub = id();
    List<DerivedEdge> edges = new ArrayList<>();
    List<UUID> targets = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      UUID t = id();
      targets.add(t);
      edges.add(new DerivedEdge(hub, t, T1, Optional.empty()));
    }
    store.edges().upsertDerived(edges);

    EdgeFilter fromHub = new EdgeFilter(List.of(hub), List.of());
    Page<LineageEdge> first = store.edges().list(fromHub, 1, 50);
    Page<LineageEdge> third = store.edges().list(fromHub, 3, 50);
    assertThat(first.count()).isEqualTo(120);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(first.results()).hasSize(50);
    assertThat(third.results()).hasSize(20);
    assertThat(third.hasNext()).isFalse();
    assertThat(store.edges().list(fromHub, 4, 50).results()).isEmpty();
    List<UUID> seen = new ArrayList<>();
    for (int p = 1; p <= 3; p++) {
      store.edges().list(fromHub, p, 50).results().forEach(e -> seen.add(e.toEntity()));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(targets);

    Page<LineageEdge> both =
        store.edges().list(new EdgeFilter(List.of(hub), targets.subList(0, 3)), 1, 50);
    assertThat(both.count()).isEqualTo(3);
    assertThat(both.results()).allMatch(e -> e.direction() == Direction.DOWNSTREAM);
  }

  @Test
  void leavingWalksOneDirection() {
    UUID a = id(), b = id(), c = id();
    store
        .edges()
        .upsertDerived(
            List.of(
                new DerivedEdge(a, b, T1, Optional.empty()),
                new DerivedEdge(b, c, T1, Optional.empty())));
    assertThat(store.edges().leaving(List.of(b), Direction.DOWNSTREAM))
        .extracting(LineageEdge::toEntity)
        .containsExactly(c);
    assertThat(store.edges().leaving(List.of(b), Direction.UPSTREAM))
        .extracting(LineageEdge::toEntity)
        .containsExactly(a);
  }

  @Test
  void dialectSqlWorksAsAPlainBatchStatement() throws Exception {
    // What a Flink JdbcSink does with the dialect's statement and EdgeRow.bind.
    UUID a = id(), b = id();
    store.edges().createManual(a, b, Direction.DOWNSTREAM);
    UUID c = id();
    List<EdgeRow> rows = new ArrayList<>();
    rows.addAll(new DerivedEdge(a, b, T2, Optional.of("f")).rows());
    rows.addAll(new DerivedEdge(c, b, T2, Optional.of("f")).rows());
    rows.addAll(new DerivedEdge(c, b, T2, Optional.of("f")).rows());
    try (Connection conn = store.dataSource().getConnection();
        PreparedStatement ps = conn.prepareStatement(store.dialect().upsertDerivedEdgeSql())) {
      for (EdgeRow row : rows) {
        EdgeRow.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    assertThat(edgesBetween(a, b)).hasSize(2).allMatch(LineageEdge::manual);
    assertThat(edgesBetween(c, b)).hasSize(2).noneMatch(LineageEdge::manual);
  }
}
