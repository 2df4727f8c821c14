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

  private static SqlLexer.Unterminated unterminated(Dialect dialect, String sql) {
    SqlLexer lexer = new SqlLexer(sql, dialect);
    while (lexer.next() != TokenType.END) {}
    return lexer.unterminated();
  }

  @Test
  void saysWhatTheTextEndsInside() {
    assertThat(unterminated(Dialects.ANSI, "SELECT 'abc")).isEqualTo(SqlLexer.Unterminated.STRING);
    assertThat(unterminated(Dialects.ANSI, "SELECT 'it''s"))
        .isEqualTo(SqlLexer.Unterminated.STRING);
    assertThat(unterminated(Dialects.MYSQL, "SELECT 'a\\'"))
        .isEqualTo(SqlLexer.Unterminated.STRING);
    assertThat(unterminated(Dialects.POSTGRESQL, "SELECT E'a\\'"))
        .isEqualTo(SqlLexer.Unterminated.STRING);
    assertThat(unterminated(Dialects.ANSI, "SELECT \"a"))
        .isEqualTo(SqlLexer.Unterminated.QUOTED_NAME);
    assertThat(unterminated(Dialects.TSQL, "SELECT [a"))
        .isEqualTo(SqlLexer.Unterminated.QUOTED_NAME);
    assertThat(unterminated(Dialects.BIGQUERY, "SELECT `a"))
        .isEqualTo(SqlLexer.Unterminated.QUOTED_NAME);
    assertThat(unterminated(Dialects.POSTGRESQL, "DO $body$ BEGIN"))
        .isEqualTo(SqlLexer.Unterminated.DOLLAR_QUOTE);
    assertThat(unterminated(Dialects.ANSI, "SELECT 1 /* note"))
        .isEqualTo(SqlLexer.Unterminated.COMMENT);
  }

  @Test
  void closedTextIsNotUnterminated() {
    for (String sql :
        List.of(
            "SELECT 'a''b', \"c\" FROM t -- open ' in a comment",
            "SELECT 'x' /* c */",
            "SELECT $$a$$",
            "SELECT 'a'")) {
      assertThat(unterminated(Dialects.POSTGRESQL, sql))
          .as(sql)
          .isEqualTo(SqlLexer.Unterminated.NONE);
    }
    assertThat(unterminated(Dialects.TSQL, "SELECT [a]]b]")).isEqualTo(SqlLexer.Unterminated.NONE);
  }

  @Test
  void readsOnlyItsRange() {
    String text = "xx SELECT a yy";
    SqlLexer lexer = new SqlLexer(text, 3, 11, Dialects.ANSI);
    List<String> out = new ArrayList<>();
    for (TokenType t = lexer.next(); t != TokenType.END; t = lexer.next()) {
      out.add(lexer.text() + "@" + lexer.start());
    }
    assertThat(out).containsExactly("SELECT@3", "a@10");
  }
}
