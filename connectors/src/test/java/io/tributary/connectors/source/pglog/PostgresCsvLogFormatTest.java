package io.tributary.connectors.source.pglog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostgresCsvLogFormatTest {

  @Test
  void statementMessagesOfTheSimpleAndTheExtendedProtocol() {
    assertThat(PostgresCsvLogFormat.statementOf("statement: SELECT 1")).contains("SELECT 1");
    assertThat(PostgresCsvLogFormat.statementOf("execute <unnamed>: INSERT INTO t\nSELECT 1"))
        .contains("INSERT INTO t\nSELECT 1");
    assertThat(PostgresCsvLogFormat.statementOf("execute S_1/C_2: SELECT 2")).contains("SELECT 2");
    assertThat(PostgresCsvLogFormat.statementOf("duration: 0.123 ms")).isEmpty();
    assertThat(PostgresCsvLogFormat.statementOf("connection authorized: user=postgres")).isEmpty();
  }

  @Test
  void logTimesWithTheirZone() {
    assertThat(PostgresCsvLogFormat.logTimeMillis("2024-05-01 10:00:00.123 UTC"))
        .isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z").toEpochMilli());
    assertThat(PostgresCsvLogFormat.logTimeMillis("2024-05-01 12:00:00.000 CEST"))
        .isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    assertThat(PostgresCsvLogFormat.logTimeMillis("2024-05-01 10:00:00 UTC"))
        .isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
  }
}
