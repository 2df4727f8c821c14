package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.ErrorKind;
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
    assertThat(split("mysql", "SELECT a# it's; a comment\nFROM t; SELECT 2"))
        .containsExactly("SELECT a# it's; a comment\nFROM t", "SELECT 2");
    // without # comments, #name is a (T-SQL temporary) table name
    assertThat(split("tsql", "SELECT a INTO #tmp FROM t; SELECT 2"))
        .containsExactly("SELECT a INTO #tmp FROM t", "SELECT 2");
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

  private static ScriptStatement only(String dialect, String script) {
    List<ScriptStatement> statements = new ScriptSplitter(Dialects.byName(dialect)).split(script);
    assertThat(statements).hasSize(1);
    return statements.get(0);
  }

  @Test
  void blankLinesNeverSplit() {
    assertThat(split("postgres", "select a\n\n\nfrom t\n\n\n\nwhere b;\n\n\nselect 2"))
        .containsExactly("select a\n\n\nfrom t\n\n\n\nwhere b", "select 2");
    assertThat(split("tsql", "SELECT a\r\n\r\n\r\nFROM t"))
        .containsExactly("SELECT a\r\n\r\n\r\nFROM t");
  }

  @Test
  void oracleSlashLinesEndUnits() {
    String block = "BEGIN\n  INSERT INTO a SELECT 1 FROM dual;\nEND;";
    assertThat(split("oracle", block + "\n/\nSELECT 2 / 1 FROM dual\n/\n"))
        .containsExactly(block.substring(0, block.length() - 1), "SELECT 2 / 1 FROM dual");
  }

  @Test
  void tsqlStatementsNeedNoSemicolons() {
    assertThat(
            split(
                "tsql",
                "DECLARE @n int = 1\nINSERT INTO a (x)\nSELECT x FROM b\nUPDATE c\nSET y = 1\n"
                    + "SELECT 1\nUNION ALL\nSELECT 2\nSET NOCOUNT ON\nDELETE FROM c\nEXEC p"))
        .containsExactly(
            "DECLARE @n int = 1",
            "INSERT INTO a (x)\nSELECT x FROM b",
            "UPDATE c\nSET y = 1",
            "SELECT 1\nUNION ALL\nSELECT 2",
            "SET NOCOUNT ON",
            "DELETE FROM c",
            "EXEC p");
  }

  @Test
  void tsqlContinuationsStayInTheirStatement() {
    String merge =
        "MERGE INTO t USING s ON t.a = s.a\nWHEN MATCHED THEN\nUPDATE SET b = s.b\n"
            + "WHEN NOT MATCHED THEN\nINSERT (a) VALUES (s.a)";
    String cte = "WITH x AS (SELECT 1 AS a)\nSELECT a FROM x";
    String insertExec = "INSERT INTO t\nEXEC p";
    String caseElse = "SELECT CASE WHEN a = 1 THEN 2\nELSE 3 END FROM t";
    String paging = "SELECT a FROM t ORDER BY a OFFSET 10 ROWS\nFETCH NEXT 5 ROWS ONLY";
    for (String sql : List.of(merge, cte, insertExec, caseElse, paging)) {
      assertThat(split("tsql", sql)).as(sql).containsExactly(sql);
    }
  }

  @Test
  void tsqlRoutinesRunToTheEndOfTheirBatch() {
    String proc = "CREATE PROCEDURE p AS\nSET NOCOUNT ON;\nINSERT INTO a SELECT 1;\nSELECT 2";
    assertThat(split("tsql", proc + "\nGO\nSELECT 3")).containsExactly(proc, "SELECT 3");
  }

  @Test
  void declarationsOpenABlockInOracleAndSnowflake() {
    String block = "DECLARE\n  v NUMBER;\nBEGIN\n  SELECT 1 INTO v FROM dual;\nEND";
    assertThat(split("oracle", block + ";\nSELECT 2 FROM dual"))
        .containsExactly(block, "SELECT 2 FROM dual");
    String proc = "CREATE PROCEDURE p IS\n  v NUMBER := 0;\nBEGIN\n  v := 1;\nEND p";
    assertThat(split("oracle", proc + ";\n/")).containsExactly(proc);
    // elsewhere DECLARE is a statement of its own
    assertThat(split("bigquery", "DECLARE x INT64;\nSET x = 1"))
        .containsExactly("DECLARE x INT64", "SET x = 1");
  }

  @Test
  void beginAsANameOpensNoBlock() {
    assertThat(split("postgres", "SELECT begin FROM t; SELECT t.begin, 2; SELECT 3"))
        .containsExactly("SELECT begin FROM t", "SELECT t.begin, 2", "SELECT 3");
  }

  @Test
  void textCutInsideSomethingOpenIsTruncated() {
    assertThat(only("ansi", "SELECT a FROM t WHERE b IN (1, 2").knownError())
        .hasValueSatisfying(
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.TRUNCATED);
              assertThat(e.line()).hasValue(1);
              assertThat(e.column()).hasValue(28);
            });
    assertThat(only("ansi", "SELECT a\nFROM t WHERE b = 'x").knownError())
        .hasValueSatisfying(
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.TRUNCATED);
              assertThat(e.message()).contains("string literal");
              assertThat(e.line()).hasValue(2);
              assertThat(e.column()).hasValue(18);
            });
    assertThat(only("snowflake", "BEGIN\n  INSERT INTO a SELECT 1;").knownError())
        .hasValueSatisfying(e -> assertThat(e.message()).contains("block is never closed"));
    // balanced text, and a stray closing parenthesis, are for the parser to judge
    assertThat(only("ansi", "SELECT (a) FROM t").knownError()).isEmpty();
    assertThat(only("ansi", "SELECT a) FROM t").knownError()).isEmpty();
    assertThat(only("ansi", "SELECT CASE WHEN a THEN b FROM t").knownError()).isEmpty();
  }

  @Test
  void onlyTheCutStatementOfAScriptIsTruncated() {
    List<ScriptStatement> statements =
        new ScriptSplitter(Dialects.ANSI).split("SELECT 1; SELECT (2; SELECT 'x");
    assertThat(statements)
        .extracting(s -> s.knownError().isPresent())
        .containsExactly(false, true, true);
  }
}
