package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

  private static List<String> tokens(Dialect dialect, String sql) {
    SqlLexer lexer = new SqlLexer(sql, dialect);
    List<String> out = new ArrayList<>();
    for (TokenType t = lexer.next(); t != TokenType.END; t = lexer.next()) {
      out.add(t + ":" + lexer.text());
    }
    return out;
  }

  @Test
  void literalsWithPrefixesAreOneToken() {
    assertThat(tokens(Dialects.POSTGRESQL, "N'a' E'b\\'c' X'0F' b'1' 1.5e-3 .5 0x1F"))
        .containsExactly(
            "STRING:N'a'",
            "STRING:E'b\\'c'",
            "STRING:X'0F'",
            "STRING:b'1'",
            "NUMBER:1.5e-3",
            "NUMBER:.5",
            "NUMBER:0x1F");
  }

  @Test
  void dollarQuotesAndParameters() {
    assertThat(tokens(Dialects.POSTGRESQL, "$$a$$ $t$ b $t$ $1 ? :name a::int"))
        .containsExactly(
            "STRING:$$a$$",
            "STRING:$t$ b $t$",
            "PARAMETER:$1",
            "PARAMETER:?",
            "PARAMETER::name",
            "WORD:a",
            "SYMBOL:::",
            "WORD:int");
    // no dollar quoting in MySQL
    assertThat(tokens(Dialects.MYSQL, "$$a")).containsExactly("SYMBOL:$", "SYMBOL:$", "WORD:a");
  }

  @Test
  void snowflakePathsAreNotParameters() {
    assertThat(tokens(Dialects.SNOWFLAKE, "v:field"))
        .containsExactly("WORD:v", "SYMBOL::", "WORD:field");
  }

  @Test
  void quotingFollowsTheDialect() {
    assertThat(tokens(Dialects.TSQL, "[a b] \"c\""))
        .containsExactly("QUOTED:[a b]", "QUOTED:\"c\"");
    assertThat(tokens(Dialects.POSTGRESQL, "a[1]"))
        .containsExactly("WORD:a", "SYMBOL:[", "NUMBER:1", "SYMBOL:]");
    assertThat(tokens(Dialects.MYSQL, "`a` \"b\"")).containsExactly("QUOTED:`a`", "STRING:\"b\"");
  }

  @Test
  void commentsAreSkippedAndUnterminatedTextRunsToTheEnd() {
    assertThat(tokens(Dialects.ANSI, "a -- x\n/* y */ b /* open"))
        .containsExactly("WORD:a", "WORD:b");
    assertThat(tokens(Dialects.ANSI, "'open")).containsExactly("STRING:'open");
    assertThat(tokens(Dialects.ANSI, "a->>'k' <= <> ||"))
        .containsExactly(
            "WORD:a", "SYMBOL:->>", "STRING:'k'", "SYMBOL:<=", "SYMBOL:<>", "SYMBOL:||");
  }
}
