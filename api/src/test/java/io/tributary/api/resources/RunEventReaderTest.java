package io.tributary.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.exceptions.BadRequestException;
import io.tributary.sql.model.TableName;
import org.junit.jupiter.api.Test;

/** How an OpenLineage dataset name becomes a table name. */
class RunEventReaderTest {

  @Test
  void dottedNamesSplitIntoDatabaseSchemaAndTable() {
    assertThat(RunEventReader.tableName("prod.public.orders"))
        .isEqualTo(TableName.of("prod", "public", "orders"));
    assertThat(RunEventReader.tableName("public.orders"))
        .isEqualTo(TableName.of(null, "public", "orders"));
    assertThat(RunEventReader.tableName("orders")).isEqualTo(TableName.of("orders"));
  }

  @Test
  void extraLeadingPartsFormTheDatabase() {
    assertThat(RunEventReader.tableName("spark_catalog.lake.sales.orders"))
        .isEqualTo(TableName.of("spark_catalog.lake", "sales", "orders"));
  }

  @Test
  void aPathIsOneName() {
    assertThat(RunEventReader.tableName("/warehouse/events/day=1.parquet"))
        .isEqualTo(TableName.of("/warehouse/events/day=1.parquet"));
  }

  @Test
  void anEmptyPartIsRefused() {
    for (String name : new String[] {"a..b", ".a", "a.", "a.b.c..d"}) {
      assertThatThrownBy(() -> RunEventReader.tableName(name))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("empty part");
    }
  }
}
