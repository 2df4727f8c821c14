package io.tributary.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import io.tributary.sql.model.WarningKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStitcherTest {

  private static final LineageAnalyzer ANALYZER = new LineageAnalyzer();
  private static final Dialect POSTGRES = Dialects.byName("postgresql");

  /** Statements analyzed one by one, as a job receives them, and stitched in one session. */
  private static List<StitchedStatement> session(SessionStitcher stitcher, String... statements) {
    List<StitchedStatement> out = new ArrayList<>();
    for (String sql : statements) {
      AnalysisRequest request =
          AnalysisRequest.of(sql, POSTGRES)
              .withDefaults(null, "public")
              .withCatalog(stitcher.catalog());
      for (StatementLineage s : ANALYZER.analyze(request)) {
        out.add(stitcher.next(s));
      }
    }
    return out;
  }

  private static List<String> pairs(StatementLineage s) {
    return s.columns().stream().map(SessionStitcherTest::pair).toList();
  }

  private static String pair(ColumnLineage c) {
    return c.from() + " -> " + c.to() + " " + c.kind().jsonName();
  }

  @Test
  void statementsAnalyzedOneByOneAreStitchedLikeAScript() {
    SessionStitcher stitcher = new SessionStitcher(TemporaryTableRule.defaults());
    List<StitchedStatement> out =
        session(
            stitcher,
            "CREATE TEMP TABLE tmp AS SELECT a, b FROM src",
            "INSERT INTO final SELECT * FROM tmp",
            "DROP TABLE tmp");
    assertThat(out.get(0).lineage().target()).isEmpty();
    assertThat(pairs(out.get(1).lineage()))
        .containsExactlyInAnyOrder(
            "public.src.a -> public.final.a direct", "public.src.b -> public.final.b direct");
    assertThat(out.get(1).lineage().sources()).containsExactly(TableName.of(null, "public", "src"));
    assertThat(out.get(2).lineage().changes()).isEmpty();
    assertThat(out).allSatisfy(s -> assertThat(s.warnings()).isEmpty());
    assertThat(stitcher.holds(TableName.of(null, "public", "tmp"))).isFalse();
  }

  @Test
  void anUnresolvedTemporaryReadIsATypedWarningOnItsStatement() {
    SessionStitcher stitcher = new SessionStitcher(TemporaryTableRule.defaults());
    StitchedStatement out = session(stitcher, "INSERT INTO final SELECT a FROM x__dbt_tmp").get(0);
    assertThat(out.warnings())
        .containsExactly(
            new SessionWarning(
                SessionWarning.Kind.UNRESOLVED_TEMPORARY_TABLE,
                TableName.of(null, "public", "x__dbt_tmp")));
    assertThat(out.lineage().warnings())
        .anyMatch(w -> w.kind() == WarningKind.UNRESOLVED_TEMPORARY_TABLE);
    assertThat(out.lineage().columns()).isEmpty();
    assertThat(out.lineage().sources()).isEmpty();
    assertThat(out.lineage().target()).contains(TableName.of(null, "public", "final"));
  }

  @Test
  void swappingAScratchTableWithALastingOneWritesItsContentsIntoTheLastingName() {
    SessionStitcher stitcher = new SessionStitcher(TemporaryTableRule.of(List.of(".*_stage")));
    List<StitchedStatement> out =
        session(
            stitcher,
            "CREATE TABLE orders_stage AS SELECT id, amount FROM raw_orders",
            "ALTER TABLE orders_stage SWAP WITH orders",
            "DROP TABLE orders_stage");
    StatementLineage swap = out.get(1).lineage();
    assertThat(swap.target()).contains(TableName.of(null, "public", "orders"));
    assertThat(pairs(swap))
        .containsExactlyInAnyOrder(
            "public.raw_orders.id -> public.orders.id direct",
            "public.raw_orders.amount -> public.orders.amount direct");
    assertThat(out.get(2).lineage().changes()).isEmpty();
  }

  @Test
  void aLastingTableRenamedToAScratchNameAndDroppedLeavesNoChange() {
    SessionStitcher stitcher = new SessionStitcher(TemporaryTableRule.defaults());
    List<StitchedStatement> out =
        session(
            stitcher,
            "ALTER TABLE x RENAME TO x__dbt_backup",
            "DROP TABLE IF EXISTS x__dbt_backup CASCADE");
    assertThat(out.get(0).lineage().changes()).isEmpty();
    assertThat(out.get(0).lineage().target()).isEmpty();
    assertThat(out.get(1).lineage().changes()).isEmpty();
  }

  @Test
  void lastingTablesKeepTheirChanges() {
    SessionStitcher stitcher = new SessionStitcher(TemporaryTableRule.defaults());
    StatementLineage rename = session(stitcher, "ALTER TABLE a RENAME TO b").get(0).lineage();
    assertThat(rename.changes()).hasSize(1);
    assertThat(rename.target()).contains(TableName.of(null, "public", "b"));
  }

  @Test
  void whetherAStatementMayTouchTheSessionsTemporaryTables() {
    SessionStitcher stitcher = new SessionStitcher(TemporaryTableRule.defaults());
    assertThat(stitcher.mayTouchTemporaryTables("INSERT INTO t SELECT a FROM s", POSTGRES))
        .isFalse();
    assertThat(stitcher.mayTouchTemporaryTables("CREATE TEMP TABLE s2 AS SELECT 1", POSTGRES))
        .isTrue();
    assertThat(stitcher.mayTouchTemporaryTables("SELECT * FROM m__dbt_tmp", POSTGRES)).isTrue();
    assertThat(stitcher.mayTouchTemporaryTables("SELECT * INTO #x FROM s", POSTGRES)).isTrue();
    session(stitcher, "CREATE TEMP TABLE s AS SELECT a FROM base");
    assertThat(stitcher.mayTouchTemporaryTables("INSERT INTO t SELECT a FROM S", POSTGRES))
        .isTrue();
    assertThat(stitcher.mayTouchTemporaryTables("INSERT INTO t SELECT a FROM base", POSTGRES))
        .isFalse();
  }
}
