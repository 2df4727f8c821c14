package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Tokens are checked by hash; the token itself is not stored. */
public abstract class TokenDaoITCase extends StoreITCaseBase {

  @Test
  void createdTokensAreValidAndOthersAreNot() throws Exception {
    String token = store.tokens().create("ci");
    assertThat(token).startsWith("trb_");
    assertThat(store.tokens().isValid(token)).isTrue();
    assertThat(store.tokens().isValid(token + "x")).isFalse();
    assertThat(store.tokens().isValid("")).isFalse();
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT token_hash FROM api_tokens")) {
      while (rs.next()) {
        assertThat(rs.getString(1)).hasSize(64).isNotEqualTo(token);
      }
    }
  }

  @Test
  void migrationsRunAgainWithoutChange() {
    LineageStore.migrate(store.dataSource());
    assertThat(store.stats().read().relationships() * 2).isZero();
  }
}
