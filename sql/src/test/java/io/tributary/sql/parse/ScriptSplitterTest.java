package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

  private static List<String> split(String dialect, String script) {
    return new ScriptSplitter(Dialects.byName(dialect))
        .split(script).stream().map(ScriptStatement::sql).toList();
  }

  @Test
  void splitsAtTopLevelSemicolons() {
    assertThat(split("ansi", "SELECT 1; SELECT 2;\n\nSELECT 3"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
  }

  @Test
  void blankStatementsAndCommentOnlyTextYieldNothing() {
    assertThat(split("ansi", " ;; -- nothing\n /* at all */ ;")).isEmpty();
    assertThat(split("ansi", "")).isEmpty();
  }

  @Test
  void semicolonsInStringsAndQuotedNamesDoNotSplit() {
    assertThat(split("ansi", "SELECT 'a;b', \"c;d\" FROM t; SELECT 'it''s;'"))
        .containsExactly("SELECT 'a;b', \"c;d\" FROM t", "SELECT 'it''s;'");
    assertThat(split("mysql", "SELECT 'it\\'s;', `x;y` FROM t; SELECT 2"))
        .containsExactly("SELECT 'it\\'s;', `x;y` FROM t", "SELECT 2");
    assertThat(split("tsql", "SELECT [a;b] FROM t; SELECT 2"))
        .containsExactly("SELECT [a;b] FROM t", "SELECT 2");
  }

  @Test
  void semicolonsInCommentsDoNotSplit() {
    assertThat(split("ansi", "SELECT 1 -- one; two\n, 2 /* three; */ FROM t; SELECT 4"))
        .containsExactly("SELECT 1 -- one; two\n, 2 /* three; */ FROM t", "SELECT 4");
    assertThat(split("mysql", "SELECT 1 # a; comment\nFROM t; SELECT 2"))
        .containsExactly("SELECT 1 # a; comment\nFROM t", "SELECT 2");
  }

  @Test
  void leadingAndTrailingCommentsAreNotPartOfTheStatement() {
    assertThat(split("ansi", "-- header\n/* block */ SELECT 1 -- trailing\n;"))
        .containsExactly("SELECT 1");
  }

  @Test
  void dollarQuotedBodiesDoNotSplit() {
    String fn = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN; SELECT 1; END; $$ LANGUAGE plpgsql";
    String tagged = "DO $body$ BEGIN PERFORM 1; END $body$";
    assertThat(split("postgres", fn + "; " + tagged + "; SELECT 2"))
        .containsExactly(fn, tagged, "SELECT 2");
  }

  @Test
  void dollarParametersAreNotQuotes() {
    assertThat(split("postgres", "SELECT $1, $2 FROM t; SELECT 2"))
        .containsExactly("SELECT $1, $2 FROM t", "SELECT 2");
  }

  @Test
  void beginEndBlocksStayWhole() {
    String proc =
        "CREATE PROCEDURE p() BEGIN INSERT INTO a SELECT 1; "
            + "IF x THEN SELECT CASE WHEN y THEN 1 END; END IF; END";
    assertThat(split("mysql", proc + "; SELECT 2")).containsExactly(proc, "SELECT 2");
    String block = "BEGIN TRY SELECT 1; END TRY BEGIN CATCH SELECT 2; END CATCH";
    assertThat(split("tsql", block + "; SELECT 3")).containsExactly(block, "SELECT 3");
  }

  @Test
  void transactionBeginIsAStatementOfItsOwn() {
    assertThat(split("postgres", "BEGIN; INSERT INTO a SELECT 1; COMMIT;"))
        .containsExactly("BEGIN", "INSERT INTO a SELECT 1", "COMMIT");
    assertThat(split("snowflake", "BEGIN TRANSACTION; SELECT 1; END;"))
        .containsExactly("BEGIN TRANSACTION", "SELECT 1", "END");
    assertThat(split("tsql", "BEGIN TRAN; SELECT 1; COMMIT"))
        .containsExactly("BEGIN TRAN", "SELECT 1", "COMMIT");
  }

  @Test
  void caseExpressionsOutsideBlocksDoNotConfuseTheSplitter() {
    assertThat(split("ansi", "SELECT CASE WHEN a THEN 1 END FROM t; SELECT 2"))
        .containsExactly("SELECT CASE WHEN a THEN 1 END FROM t", "SELECT 2");
  }

  @Test
  void aGoLineEndsABatch() {
    assertThat(split("tsql", "SELECT 1\nGO\nSELECT 2\n  go  \nSELECT go FROM t"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT go FROM t");
  }

  @Test
  void unterminatedStringsRunToTheEnd() {
    assertThat(split("ansi", "SELECT 1; SELECT 'abc; SELECT 2"))
        .containsExactly("SELECT 1", "SELECT 'abc; SELECT 2");
  }

  @Test
  void statementsKnowWhereTheyStart() {
    List<ScriptStatement> statements =
        new ScriptSplitter(Dialects.ANSI).split("SELECT 1;\n  -- c\n  SELECT\n 2;  SELECT 3");
    assertThat(statements).extracting(ScriptStatement::index).containsExactly(0, 1, 2);
    assertThat(statements).extracting(ScriptStatement::line).containsExactly(1, 3, 4);
    assertThat(statements).extracting(ScriptStatement::column).containsExactly(1, 3, 6);
    assertThat(statements.get(2).offset()).isEqualTo(31);
  }

  @Test
  void nestingDepthCountsParenthesesAndCase() {
    List<ScriptStatement> statements =
        new ScriptSplitter(Dialects.ANSI)
            .split(
                "SELECT ((1)); SELECT CASE WHEN a THEN (CASE WHEN b THEN (1) END) END; SELECT 1");
    assertThat(statements).extracting(ScriptStatement::nestingDepth).containsExactly(2, 4, 0);
  }
}
