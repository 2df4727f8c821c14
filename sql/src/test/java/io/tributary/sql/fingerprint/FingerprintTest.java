package io.tributary.sql.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static final Dialect PG = Dialects.POSTGRESQL;

  private static String fp(String sql) {
    return QueryFingerprint.of(sql, PG);
  }

  @Test
  void isThirtyTwoLowercaseHexCharacters() {
    assertThat(fp("SELECT 1")).matches("[0-9a-f]{32}");
  }

  @Test
  void theSameEtlStatementWithAnotherDateHasTheSameFingerprint() {
    String monday =
        "INSERT INTO mart.daily SELECT d, sum(x) FROM raw.events "
            + "WHERE d = DATE '2024-01-01' AND n > 10 GROUP BY d";
    String tuesday =
        "insert into MART.DAILY select D, SUM(X) from RAW.EVENTS\n"
            + "  -- rerun\n where d = date '2024-01-02' and n > 250 group by d;";
    assertThat(fp(monday)).isEqualTo(fp(tuesday));
  }

  @Test
  void commentsWhitespaceAndQuotingAreIgnored() {
    assertThat(fp("SELECT \"A\" FROM \"s\".\"t\" /* hint */"))
        .isEqualTo(fp("select a\n\tfrom s . t -- x"));
    assertThat(QueryFingerprint.of("SELECT [A] FROM [dbo].[t]", Dialects.TSQL))
        .isEqualTo(QueryFingerprint.of("select a from dbo.t", Dialects.TSQL));
    assertThat(QueryFingerprint.of("SELECT `a` FROM `p.d.t`", Dialects.BIGQUERY))
        .isEqualTo(QueryFingerprint.of("SELECT a FROM p.d.t", Dialects.BIGQUERY));
  }

  @Test
  void literalsOfEveryKindAreIgnored() {
    assertThat(fp("SELECT * FROM t WHERE a = 'x' AND b = 1.5e3 AND c = $1 AND d = $$q$$"))
        .isEqualTo(fp("SELECT * FROM t WHERE a = E'y\\'z' AND b = 7 AND c = ? AND d = 'r'"));
  }

  @Test
  void inListLengthsAreIgnored() {
    assertThat(fp("SELECT * FROM t WHERE id IN (1)"))
        .isEqualTo(fp("SELECT * FROM t WHERE id IN (1, 2, 3, 4)"))
        .isEqualTo(fp("SELECT * FROM t WHERE id in ('a','b')"));
    assertThat(fp("SELECT * FROM t WHERE id IN (SELECT id FROM s)"))
        .isNotEqualTo(fp("SELECT * FROM t WHERE id IN (1)"));
  }

  @Test
  void repeatedValuesRowsAreIgnored() {
    assertThat(fp("INSERT INTO t (a, b) VALUES (1, 'x')"))
        .isEqualTo(fp("INSERT INTO t (a, b) VALUES (2, 'y'), (3, 'z'), (4, 'w')"));
  }

  @Test
  void trailingSemicolonsAreIgnoredButStatementsStaySeparate() {
    assertThat(fp("SELECT a FROM t;")).isEqualTo(fp("SELECT a FROM t"));
    assertThat(fp("SELECT a FROM t; SELECT b FROM u"))
        .isNotEqualTo(fp("SELECT a FROM t SELECT b FROM u"));
  }

  @Test
  void differentTablesOrColumnsDiffer() {
    String base = fp("SELECT a FROM s.t WHERE x = 1");
    assertThat(fp("SELECT b FROM s.t WHERE x = 1")).isNotEqualTo(base);
    assertThat(fp("SELECT a FROM s.u WHERE x = 1")).isNotEqualTo(base);
    assertThat(fp("SELECT a FROM r.t WHERE x = 1")).isNotEqualTo(base);
    assertThat(fp("SELECT a FROM s.t WHERE y = 1")).isNotEqualTo(base);
    assertThat(fp("SELECT a FROM s.t WHERE x > 1")).isNotEqualTo(base);
    assertThat(fp("SELECT a, b FROM s.t WHERE x = 1")).isNotEqualTo(base);
  }

  @Test
  void theDialectIsPartOfTheFingerprint() {
    assertThat(QueryFingerprint.of("SELECT a FROM t", Dialects.SNOWFLAKE))
        .isNotEqualTo(QueryFingerprint.of("SELECT a FROM t", Dialects.POSTGRESQL));
  }

  @Test
  void normalizedTextShowsTheShape() {
    assertThat(
            NormalizedStatement.of(
                "SELECT \"Id\", 'x' FROM s.T WHERE id IN (1, 2) AND d > now() - interval '1 day';",
                PG))
        .isEqualTo("select id , ? from s.t where id in (?) and d > now ( ) - interval ?");
  }

  @Test
  void garbageStillHasAFingerprint() {
    assertThat(fp("SELECT 'unterminated")).matches("[0-9a-f]{32}");
    assertThat(fp("/* unterminated")).matches("[0-9a-f]{32}");
    assertThat(fp("\u0000\uffff)))")).matches("[0-9a-f]{32}");
  }
}
