package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A store that cannot be reached fails as such; a statement it refuses does not. */
public abstract class StoreUnavailableITCase extends StoreITCaseBase {

  @Test
  void everyReadAndWriteOfAClosedStoreIsUnavailable() {
    LineageStore closing = LineageStore.open(database.jdbcUrl(), 2);
    closing.close();
    assertThatThrownBy(() -> closing.tokens().isValid("trb_x"))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> closing.tokens().create("ci"))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> closing.resources().list(ResourceFilter.none(), 1, 10))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(closing::catalog).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void aStatementTheStoreRefusesIsNotUnavailable() throws Exception {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE api_tokens RENAME TO api_tokens_away");
    }
    try {
      assertThatThrownBy(() -> store.tokens().isValid("trb_x"))
          .isInstanceOf(StoreException.class)
          .isNotInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> store.tokens().create("ci"))
          .isInstanceOf(StoreException.class)
          .isNotInstanceOf(StoreUnavailableException.class);
    } finally {
      try (Connection c = store.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE api_tokens_away RENAME TO api_tokens");
      }
    }
  }

  @Test
  void connectionFailuresAreToldByTypeAndSqlState() {
    assertThat(
            StoreUnavailableException.isConnectionFailure(
                new SQLTransientConnectionException("pool timeout")))
        .isTrue();
    assertThat(
            StoreUnavailableException.isConnectionFailure(
                new RuntimeException(new SQLException("refused", "08001"))))
        .isTrue();
    assertThat(
            StoreUnavailableException.isConnectionFailure(
                new SQLException("terminating connection", "57P01")))
        .isTrue();
    assertThat(StoreUnavailableException.isConnectionFailure(new SQLException("syntax", "42601")))
        .isFalse();
    assertThat(StoreUnavailableException.isConnectionFailure(new SQLException("canceled", "57014")))
        .isFalse();
    assertThat(StoreUnavailableException.isConnectionFailure(new SQLException("no state")))
        .isFalse();
  }
}
