package io.tributary.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryRecordFieldsTest {

  @Test
  void readsTheDocumentedFieldsAndTheirAliases() {
    QueryRecord r =
        QueryRecordFields.toRecord(
                Map.of(
                    "query_id", "q1",
                    "query_text", "SELECT 1",
                    "start_time", "2024-05-01T10:00:00Z",
                    "user_name", "ann",
                    "database_name", "PROD",
                    "schema_name", "PUBLIC",
                    "session_id", "s1",
                    "dialect", "snowflake",
                    "execution_status", "FAILED_WITH_ERROR"),
                null)
            .orElseThrow();
    assertThat(r.queryId()).isEqualTo("q1");
    assertThat(r.sql()).isEqualTo("SELECT 1");
    assertThat(r.startTimeMillis()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    assertThat(r.database()).contains("PROD");
    assertThat(r.schema()).contains("PUBLIC");
    assertThat(r.dialectName()).contains("snowflake");
    assertThat(r.succeeded()).isFalse();
  }

  @Test
  void aRowWithoutSqlIsNoRecord() {
    assertThat(QueryRecordFields.toRecord(Map.of("query_id", "q1"), null)).isEmpty();
  }

  @Test
  void statusIsOptionalAndUnknownWordsCountAsSuccess() {
    assertThat(
            QueryRecordFields.toRecord(Map.of("sql", "SELECT 1"), null).orElseThrow().succeeded())
        .isTrue();
    assertThat(ExecutionStatus.parse("DONE")).isEqualTo(ExecutionStatus.SUCCESS);
    assertThat(ExecutionStatus.parse("canceled")).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ExecutionStatus.parse("weird")).isEqualTo(ExecutionStatus.UNKNOWN);
  }

  @Test
  void startTimesInEverySupportedForm() {
    long expected = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    assertThat(StartTimes.parseMillis("1714557600")).isEqualTo(expected);
    assertThat(StartTimes.parseMillis("1714557600000")).isEqualTo(expected);
    assertThat(StartTimes.parseMillis("1714557600.5")).isEqualTo(expected + 500);
    assertThat(StartTimes.parseMillis("2024-05-01T10:00:00Z")).isEqualTo(expected);
    assertThat(StartTimes.parseMillis("2024-05-01 12:00:00+02:00")).isEqualTo(expected);
    assertThat(StartTimes.parseMillis("2024-05-01 12:00:00.000+02")).isEqualTo(expected);
    assertThat(StartTimes.parseMillis("2024-05-01 10:00:00")).isEqualTo(expected);
    assertThatThrownBy(() -> StartTimes.parseMillis("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yesterday");
  }
}
