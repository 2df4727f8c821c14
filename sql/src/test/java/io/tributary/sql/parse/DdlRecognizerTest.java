package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.TableNameQualifier;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DdlRecognizerTest {

  private static final Dialect POSTGRES = Dialects.byName("postgresql");
  private static final LineageAnalyzer ANALYZER = new LineageAnalyzer();

  private static DdlRecognizer.Recognition recognize(String sql) {
    return new DdlRecognizer(POSTGRES)
        .recognize(
            sql,
            new TableNameQualifier(
                POSTGRES, new SessionDefaults(Optional.empty(), Optional.of("public"))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE t (a int) AS SELECT 1",
        "CREATE TABLE t AS SELECT a FROM s",
        "CREATE VIEW v AS SELECT 1",
        "CREATE INDEX i ON t (a)",
        "CREATE TEMPORARY FUNCTION f(x int) RETURNS int AS 'x'",
        "DROP INDEX i",
        "DROP SCHEMA s CASCADE",
        "ALTER VIEW v RENAME TO w",
        "SELECT 1",
        "EXEC sp_helptext 'p'",
        "EXEC sp_rename 'i_old', 'i_new', 'INDEX'"
      })
  void otherStatementsAreNotDdlOnTables(String sql) {
    assertThat(recognize(sql)).isInstanceOf(DdlRecognizer.Recognition.NotDdl.class);
  }

  /**
   * Every prefix of a DDL statement on tables, cut at a word, is either read (a shorter statement
   * that still makes sense) or an error: never a statement without lineage, never an exception.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "ALTER TABLE IF EXISTS s.distributors RENAME COLUMN address TO city",
        "ALTER TABLE s.distributors RENAME TO suppliers",
        "ALTER TABLE s.t ADD COLUMN c varchar(30), DROP COLUMN IF EXISTS d",
        "DROP TABLE IF EXISTS s.a, s.b CASCADE",
        "DROP MATERIALIZED VIEW IF EXISTS s.v",
        "TRUNCATE TABLE ONLY s.a, s.b RESTART IDENTITY",
        "RENAME TABLE s.a TO s.b, s.c TO s.d",
        "EXEC sp_rename 'dbo.a', 'b'",
        "CREATE TEMP TABLE s.t (a int NOT NULL, b numeric(10, 2))",
        "CREATE TABLE s.t LIKE s.u"
      })
  void cutDdlIsAnErrorOrAShorterStatementNeverUtility(String sql) {
    String[] words = sql.split(" ");
    for (int n = 1; n <= words.length; n++) {
      String cut = String.join(" ", List.of(words).subList(0, n));
      List<StatementLineage> out = ANALYZER.analyze(AnalysisRequest.of(cut, POSTGRES));
      assertThat(out).as(cut).hasSize(1);
      StatementLineage s = out.get(0);
      if (s.failed()) {
        assertThat(s.error().get().kind()).as(cut).isNotEqualTo(ErrorKind.INTERNAL);
      } else if (s.kind() == StatementKind.UTILITY) {
        // only the bare leading words, which name no table yet, may pass as utility
        assertThat(n).as(cut).isLessThanOrEqualTo(2);
      } else {
        assertThat(s.kind().isDdl()).as(cut).isTrue();
        assertThat(s.target()).as(cut).isPresent();
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ALTER TABLE t RENAME TO | RENAME TO ends without a table name",
        "DROP TABLE | DROP TABLE ends without a table name",
        "DROP TABLE IF EXISTS | DROP TABLE ends without a table name",
        "ALTER TABLE t ADD COLUMN | ADD COLUMN without a column",
        "RENAME TABLE a | without TO and a name",
        "EXEC sp_rename 'a' | needs the object and its new name"
      })
  void malformedDdlSaysWhatIsMissing(String sql, String message) {
    assertThat(recognize(sql))
        .isInstanceOfSatisfying(
            DdlRecognizer.Recognition.Malformed.class,
            m -> {
              assertThat(m.error().kind()).isEqualTo(ErrorKind.PARSE_ERROR);
              assertThat(m.error().message()).contains(message);
            });
  }
}
