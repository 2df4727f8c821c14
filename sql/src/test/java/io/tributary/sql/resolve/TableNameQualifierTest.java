package io.tributary.sql.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.dialect.TableNameQualifier;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;

class TableNameQualifierTest {

  private static final Dialect TWO_PARTS =
      new Dialect("two", List.of(), IdentifierCase.PRESERVE, List.of("``"), 2);
  private static final Dialect FOUR_PARTS =
      new Dialect("four", List.of(), IdentifierCase.PRESERVE, List.of("[]", "\"\""), 4);

  private static final SessionDefaults DEFAULTS =
      new SessionDefaults(Optional.of("db"), Optional.of("sch"));

  private static Table from(String sql) throws Exception {
    return (Table) ((PlainSelect) CCJSqlParserUtil.parse(sql)).getFromItem();
  }

  private static TableName qualify(Dialect dialect, SessionDefaults defaults, String table)
      throws Exception {
    return new TableNameQualifier(dialect, defaults).qualify(from("SELECT 1 FROM " + table));
  }

  @Test
  void withoutDefaultsNothingIsInvented() throws Exception {
    assertThat(qualify(Dialects.POSTGRESQL, SessionDefaults.none(), "orders"))
        .isEqualTo(TableName.of("orders"));
  }

  @Test
  void unqualifiedNameGetsBothDefaultsAndPartlyQualifiedOnlyWhatItLacks() throws Exception {
    assertThat(qualify(Dialects.POSTGRESQL, DEFAULTS, "orders"))
        .isEqualTo(TableName.of("db", "sch", "orders"));
    assertThat(qualify(Dialects.POSTGRESQL, DEFAULTS, "raw.orders"))
        .isEqualTo(TableName.of("db", "raw", "orders"));
    assertThat(qualify(Dialects.POSTGRESQL, DEFAULTS, "wh.raw.orders"))
        .isEqualTo(TableName.of("wh", "raw", "orders"));
  }

  @Test
  void partsAreNormalizedByTheDialect() throws Exception {
    assertThat(qualify(Dialects.POSTGRESQL, SessionDefaults.none(), "Raw.\"Orders\""))
        .isEqualTo(TableName.of(null, "raw", "Orders"));
    assertThat(qualify(Dialects.SNOWFLAKE, SessionDefaults.none(), "raw.\"orders\""))
        .isEqualTo(TableName.of(null, "RAW", "orders"));
    assertThat(qualify(Dialects.ANSI, SessionDefaults.none(), "Raw.Orders"))
        .isEqualTo(TableName.of(null, "Raw", "Orders"));
  }

  @Test
  void twoPartDialectsPutTheQualifierInSchemaAndHaveNoDatabaseDefault() throws Exception {
    assertThat(qualify(TWO_PARTS, SessionDefaults.none(), "`shop`.orders"))
        .isEqualTo(TableName.of(null, "shop", "orders"));
    assertThat(qualify(TWO_PARTS, DEFAULTS, "orders"))
        .isEqualTo(TableName.of(null, "sch", "orders"));
  }

  @Test
  void fourPartDialectDropsTheServer() throws Exception {
    assertThat(qualify(FOUR_PARTS, SessionDefaults.none(), "srv.\"Sales\".dbo.\"Orders\""))
        .isEqualTo(TableName.of("Sales", "dbo", "Orders"));
  }

  @Test
  void emptyMiddlePartTakesTheDefault() throws Exception {
    assertThat(qualify(FOUR_PARTS, DEFAULTS, "Sales..Orders"))
        .isEqualTo(TableName.of("Sales", "sch", "Orders"));
  }
}
