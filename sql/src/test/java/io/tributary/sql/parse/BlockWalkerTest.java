package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.ErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockWalkerTest {

  private static List<ScriptStatement> walk(String dialect, String script) {
    var d = Dialects.byName(dialect);
    return new BlockWalker(d).walk(script, new ScriptSplitter(d).split(script));
  }

  private static List<String> texts(String dialect, String script) {
    return walk(dialect, script).stream().map(ScriptStatement::sql).toList();
  }

  @Test
  void plainStatementsPassThroughUnchanged() {
    String script = "SELECT 1; INSERT INTO a SELECT 2";
    List<ScriptStatement> split = new ScriptSplitter(Dialects.ANSI).split(script);
    assertThat(new BlockWalker(Dialects.ANSI).walk(script, split)).isEqualTo(split);
  }

  @Test
  void statementsInsideABlockTakeItsPlaceWithTheirOwnIndex() {
    List<ScriptStatement> statements =
        walk(
            "snowflake",
            "SELECT 0;\nBEGIN\n  INSERT INTO a SELECT 1;\n  DELETE FROM b;\nEND;\nSELECT 3");
    assertThat(statements)
        .extracting(ScriptStatement::sql)
        .containsExactly("SELECT 0", "INSERT INTO a SELECT 1", "DELETE FROM b", "SELECT 3");
    assertThat(statements).extracting(ScriptStatement::index).containsExactly(0, 1, 2, 3);
    assertThat(statements).extracting(ScriptStatement::line).containsExactly(1, 3, 4, 6);
    assertThat(statements).extracting(ScriptStatement::column).containsExactly(1, 3, 3, 1);
  }

  @Test
  void everyBranchOfControlFlowIsWalked() {
    assertThat(
            texts(
                "bigquery",
                "IF x THEN\n INSERT INTO a SELECT 1;\nELSEIF y THEN\n DELETE FROM a WHERE TRUE;\n"
                    + "ELSE\n SELECT 2;\nEND IF;\nWHILE z DO\n UPDATE b SET c = 1 WHERE TRUE;\n"
                    + "END WHILE;\nLOOP\n LEAVE;\nEND LOOP;\nREPEAT\n SELECT 3;\nUNTIL TRUE END REPEAT"))
        .containsExactly(
            "INSERT INTO a SELECT 1",
            "DELETE FROM a WHERE TRUE",
            "SELECT 2",
            "UPDATE b SET c = 1 WHERE TRUE",
            "LEAVE",
            "SELECT 3");
  }

  @Test
  void aForLoopsQueryIsAStatement() {
    assertThat(
            texts(
                "postgres",
                "DO $$ BEGIN FOR r IN SELECT id FROM t LOOP INSERT INTO a VALUES (r.id); END LOOP; END $$"))
        .containsExactly("SELECT id FROM t", "INSERT INTO a VALUES (r.id)");
  }

  @Test
  void proceduralStepsHaveNoLineage() {
    List<ScriptStatement> statements =
        walk(
            "oracle",
            "BEGIN\n  v := 1;\n  pkg.log('x');\n  RAISE_APPLICATION_ERROR(-20001, 'x');\n"
                + "  NULL;\n  COMMIT;\n  INSERT INTO a SELECT 1 FROM dual;\nEND;");
    assertThat(statements)
        .extracting(ScriptStatement::role)
        .containsExactly(
            ScriptStatement.Role.PROCEDURAL,
            ScriptStatement.Role.PROCEDURAL,
            ScriptStatement.Role.PROCEDURAL,
            ScriptStatement.Role.PROCEDURAL,
            ScriptStatement.Role.STATEMENT,
            ScriptStatement.Role.STATEMENT);
  }

  @Test
  void selectIntoVariablesKeepsItsPositionsForTheParser() {
    ScriptStatement select =
        walk("postgres", "DO $$ BEGIN SELECT count(*) INTO n FROM t; END $$").get(0);
    assertThat(select.sql()).isEqualTo("SELECT count(*) INTO n FROM t");
    assertThat(select.parseText()).isEqualTo("SELECT count(*)        FROM t");
    // in T-SQL, SELECT INTO creates a table
    ScriptStatement tsql = walk("tsql", "BEGIN SELECT a INTO #t FROM s END").get(0);
    assertThat(tsql.parseText()).isEqualTo(tsql.sql());
  }

  @Test
  void dynamicSqlBuiltAtRunTimeIsUnsupported() {
    List<ScriptStatement> statements =
        walk(
            "snowflake",
            "EXECUTE IMMEDIATE 'DELETE FROM ' || t;\nEXECUTE IMMEDIATE 'DELETE FROM a'");
    assertThat(statements.get(0).knownError())
        .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED));
    assertThat(statements.get(1).sql()).isEqualTo("DELETE FROM a");
  }

  @Test
  void routinesInOtherLanguagesStayWhole() {
    String js = "CREATE PROCEDURE p() RETURNS FLOAT LANGUAGE JAVASCRIPT AS $$ return 1; $$";
    assertThat(texts("snowflake", js)).containsExactly(js);
    String sqlFunction = "CREATE FUNCTION f(x int) RETURNS int AS 'SELECT x + 1' LANGUAGE sql";
    assertThat(texts("postgres", sqlFunction)).containsExactly(sqlFunction);
  }

  @Test
  void aTransactionBeginIsNoBlock() {
    assertThat(texts("postgres", "BEGIN; INSERT INTO a SELECT 1; END"))
        .containsExactly("BEGIN", "INSERT INTO a SELECT 1", "END");
  }
}
