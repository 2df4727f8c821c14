package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.Warning;
import io.tributary.sql.model.WarningKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementExpanderTest {

  private static List<ScriptStatement> expanded(String dialect, String script) {
    var d = Dialects.byName(dialect);
    return new StatementExpander(d).expand(new ScriptSplitter(d).split(script));
  }

  @Test
  void aMultitableInsertIsOneInsertPerIntoClauseKeepingTheWrittenText() {
    String sql =
        "INSERT FIRST WHEN total > 10 THEN INTO big ELSE INTO small (id) VALUES (id) SELECT id, total FROM o";
    List<ScriptStatement> out = expanded("oracle", "SELECT 1 FROM dual;\n" + sql);
    assertThat(out).extracting(ScriptStatement::index).containsExactly(0, 1, 2);
    assertThat(out.get(1).sql()).isEqualTo(sql);
    assertThat(out.get(2).sql()).isEqualTo(sql);
    assertThat(out.get(1).parseText())
        .isEqualTo(
            "INSERT INTO big SELECT * FROM (SELECT id, total FROM o) insert_rows WHERE total > 10");
    assertThat(out.get(2).parseText())
        .isEqualTo("INSERT INTO small (id) SELECT id FROM (SELECT id, total FROM o) insert_rows");
  }

  @Test
  void outputIntoWritesASecondTableFromTheTargetsRows() {
    List<ScriptStatement> out =
        expanded(
            "tsql",
            "DELETE FROM dbo.t OUTPUT deleted.id, deleted.a INTO dbo.arch (id, a) WHERE id < 3");
    assertThat(out).hasSize(2);
    assertThat(out.get(0).parseText()).hasSameSizeAs(out.get(0).sql());
    assertThat(out.get(0).parseText().replaceAll("\\s+", " "))
        .isEqualTo("DELETE FROM dbo.t WHERE id < 3");
    assertThat(out.get(1).parseText())
        .isEqualTo("INSERT INTO dbo.arch (id, a) SELECT dbo.t.id, dbo.t.a FROM dbo.t");
  }

  @Test
  void aColumnNamedOutputIsNoClause() {
    List<ScriptStatement> out =
        expanded("tsql", "INSERT INTO dbo.t (output) SELECT SUM(a) AS output FROM s");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).parseText()).isEqualTo(out.get(0).sql());
  }

  @Test
  void rowsFromFilesOrAProcedureAreAWriteWithAWarningNamingWhereTheyComeFrom() {
    List<ScriptStatement> copy =
        expanded("redshift", "COPY venue (a, b) FROM 's3://b/venue.txt' IAM_ROLE default");
    assertThat(copy.get(0).parseText()).isEqualTo("INSERT INTO venue (a, b) SELECT NULL");
    assertThat(copy.get(0).warnings())
        .containsExactly(
            new Warning(
                WarningKind.ROWS_FROM_OUTSIDE,
                "rows come from s3://b/venue.txt, not from a table"));
    List<ScriptStatement> exec = expanded("tsql", "INSERT INTO dbo.t EXEC dbo.p @a = 1");
    assertThat(exec.get(0).warnings())
        .containsExactly(
            new Warning(
                WarningKind.ROWS_FROM_OUTSIDE,
                "rows come from procedure dbo.p, whose reads are not known"));
  }

  @Test
  void otherStatementsAreLeftAsTheyAre() {
    String script = "INSERT INTO t SELECT a FROM s UNION ALL SELECT b FROM u;\nUPDATE t SET a = 1";
    List<ScriptStatement> split = new ScriptSplitter(Dialects.byName("oracle")).split(script);
    assertThat(expanded("oracle", script)).isEqualTo(split);
  }
}
