package io.tributary.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialects;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UtilityRecognizerTest {

  private static Optional<UtilityStatement> recognize(String dialect, String sql) {
    return new UtilityRecognizer(Dialects.byName(dialect)).recognize(sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEGIN",
        "begin transaction",
        "START TRANSACTION",
        "COMMIT",
        "ROLLBACK",
        "END",
        "SET search_path TO a, b",
        "SET TIME ZONE 'UTC'",
        "SHOW TABLES",
        "DESCRIBE TABLE raw.orders",
        "DESC raw.orders",
        "USE analytics",
        "GRANT SELECT ON t TO r",
        "REVOKE ALL ON t FROM r",
        "ANALYZE t",
        "EXPLAIN SELECT * FROM t",
        "VACUUM FULL t",
        "COPY t FROM 's3://bucket/x' IAM_ROLE 'r'",
        "COMMENT ON TABLE t IS 'x'",
        "CALL p(1)",
        "CREATE TABLE t (a int, b text)",
        "CREATE TABLE IF NOT EXISTS s.t (a int)",
        "CREATE INDEX i ON t (a)",
        "CREATE OR REPLACE FUNCTION f() RETURNS TABLE (a int) AS $$ SELECT 1 $$",
        "CREATE SCHEMA s",
        "CREATE TABLE t (a int, PRIMARY KEY (a)) WITH (fillfactor = 70)",
        "CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET LOCATION 's3://b/t'",
        "CREATE TABLE t (a int DEFAULT (1 + 2), b text GENERATED ALWAYS AS (upper(c)) STORED)",
        "ALTER VIEW v RENAME TO w",
        "DROP TABLE t",
        "ALTER TABLE t ADD COLUMN c int",
        "TRUNCATE TABLE t",
        "EXECUTE IMMEDIATE 'x'",
        "PRAGMA table_info(t)",
        "REFRESH MATERIALIZED VIEW v"
      })
  void recognizesStatementsWithoutLineage(String sql) {
    assertThat(recognize("postgres", sql)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "WITH a AS (SELECT 1) SELECT * FROM a",
        "INSERT INTO t SELECT * FROM s",
        "UPDATE t SET a = 1",
        "DELETE FROM t",
        "MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = s.b",
        "CREATE TABLE t AS SELECT * FROM s",
        "CREATE OR REPLACE VIEW v AS SELECT a FROM s",
        "CREATE MATERIALIZED VIEW v AS SELECT a FROM s",
        "CREATE TEMPORARY TABLE t AS WITH x AS (SELECT 1) SELECT * FROM x",
        "(SELECT 1)",
        "VALUES (1)",
        // not recognized whole: the parser reads it or says where it fails
        "CREATE TABLE t CLONE s",
        "CREATE TABLE t LIKE s",
        "CREATE TABLE t (LIKE s INCLUDING ALL)",
        "CREATE TABLE s.t AS WITH b AS (SEL x)",
        "CREATE TABLE t (a int) AS SELECT 1",
        "CREATE TABLE t",
        "CREATE TABLE t (1, 2)",
        "CREATE VIEW v",
        "ALTER VIEW v AS SELECT a FROM s",
        "CACHE TABLE c AS SELECT a FROM s",
        "UNLOAD ('SELECT a FROM s') TO 's3://bucket/x' IAM_ROLE 'r'",
        "COPY INTO @stage FROM (SELECT a FROM s)"
      })
  void leavesStatementsWithLineageToTheParser(String sql) {
    assertThat(recognize("postgres", sql)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres   | SET search_path TO Staging, public       | | staging",
        "postgres   | SET search_path = 'Staging'              | | staging",
        "postgres   | SET search_path TO \"$user\", Mart       | | mart",
        "postgres   | set local search_path to \"Mart\"       | | Mart",
        "postgres   | SET SCHEMA 'raw'                         | | raw",
        "redshift   | SET search_path TO raw                   | | raw",
        "snowflake  | USE analytics                            | ANALYTICS | ",
        "snowflake  | USE DATABASE analytics                   | ANALYTICS | ",
        "snowflake  | USE SCHEMA mart                          | | MART",
        "snowflake  | USE SCHEMA analytics.mart                | ANALYTICS | MART",
        "tsql       | USE [Sales]                              | Sales | ",
        "mysql      | USE `shop`                               | | shop",
        "databricks | USE mart                                 | | mart",
        "databricks | USE CATALOG main                         | main | ",
        "trino      | USE hive.Mart                            | hive | mart",
        "db2        | SET CURRENT SCHEMA = mart                | | MART",
        "oracle     | ALTER SESSION SET CURRENT_SCHEMA = mart  | | MART",
        "exasol     | OPEN SCHEMA mart                         | | MART",
        "teradata   | DATABASE sales                           | | sales",
      })
  void readsNewDefaults(String dialect, String sql, String database, String schema) {
    UtilityStatement utility = recognize(dialect, sql).orElseThrow();
    assertThat(utility.database()).isEqualTo(Optional.ofNullable(database));
    assertThat(utility.schema()).isEqualTo(Optional.ofNullable(schema));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"USE WAREHOUSE compute_wh", "USE ROLE admin", "SET TIME ZONE 'UTC'", "USE"})
  void otherSessionStatementsChangeNoDefaults(String sql) {
    assertThat(recognize("snowflake", sql).orElseThrow().changesDefaults()).isFalse();
  }
}
