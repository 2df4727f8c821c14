package io.tributary.sql.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.dialect.Dialects;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageJsonTest {

  private static List<ObjectNode> outputs(String sql) {
    return LineageJson.outputs(
        null, new LineageAnalyzer().analyze(AnalysisRequest.of(sql, Dialects.POSTGRESQL)));
  }

  @Test
  void everyStatementOfAScriptHasItsOwnObject() {
    List<ObjectNode> out =
        outputs("SELECT a FROM s.t; INSERT INTO s.u SELECT a FROM s.t; COMMIT; SELECT b FROM s.v");
    assertThat(out)
        .extracting(o -> o.get("statement_index").asInt() + ":" + o.get("statement_kind").asText())
        .containsExactly("0:select", "1:insert", "2:utility", "3:select");
    assertThat(out.get(3).at("/source_tables/0/title").asText()).isEqualTo("v");
  }

  @Test
  void aTruncatedStatementSaysSo() {
    List<ObjectNode> out = outputs("SELECT a FROM s.t WHERE b IN (1, 2");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).at("/error/kind").asText()).isEqualTo("truncated");
  }

  @Test
  void aWarningIsAnObjectWithItsKindAndMessage() {
    List<ObjectNode> out = outputs("INSERT INTO s.u SELECT * FROM s.t");
    assertThat(out.get(0).at("/warnings/0/kind").asText()).isEqualTo("unknown_columns");
    assertThat(out.get(0).at("/warnings/0/message").asText())
        .isEqualTo("table s.t is not in the catalog: its columns are reported as s.t.*");
  }

  @Test
  void aTextWithoutStatementsStillHasAnAnswer() {
    assertThat(outputs(" -- nothing here\n")).hasSize(1);
  }

  @Test
  void ddlShowsItsKindAndTableChanges() {
    List<ObjectNode> out =
        outputs(
            "CREATE TEMP TABLE s.t (a int, b varchar(10) NOT NULL); ALTER TABLE s.t RENAME TO u;"
                + " ALTER TABLE s.u RENAME COLUMN a TO c; DROP VIEW s.v; TRUNCATE s.u");
    assertThat(out)
        .extracting(o -> o.get("statement_kind").asText())
        .containsExactly("create_table", "rename_table", "alter_table", "drop_view", "truncate");
    ObjectNode created = out.get(0);
    assertThat(created.at("/target_table/title").asText()).isEqualTo("t");
    assertThat(created.get("column_lineages")).isEmpty();
    assertThat(created.at("/table_changes/0/change").asText()).isEqualTo("created");
    assertThat(created.at("/table_changes/0/temporary").asBoolean()).isTrue();
    assertThat(created.at("/table_changes/0/columns/1/name").asText()).isEqualTo("b");
    assertThat(created.at("/table_changes/0/columns/1/type").asText()).isEqualTo("varchar(10)");
    ObjectNode renamed = out.get(1);
    assertThat(renamed.at("/table_changes/0/change").asText()).isEqualTo("renamed");
    assertThat(renamed.at("/table_changes/0/from/title").asText()).isEqualTo("t");
    assertThat(renamed.at("/table_changes/0/table/schema_name").asText()).isEqualTo("s");
    assertThat(renamed.at("/table_changes/0/table/title").asText()).isEqualTo("u");
    assertThat(out.get(2).at("/table_changes/0/from").asText()).isEqualTo("a");
    assertThat(out.get(2).at("/table_changes/0/to").asText()).isEqualTo("c");
    assertThat(out.get(3).at("/table_changes/0/view").asBoolean()).isTrue();
    assertThat(out.get(4).at("/table_changes/0/change").asText()).isEqualTo("truncated");
  }
}
