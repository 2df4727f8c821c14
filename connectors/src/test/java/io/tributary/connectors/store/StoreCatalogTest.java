package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.StoreCatalog.StoredColumn;
import io.tributary.connectors.store.StoreCatalog.StoredTable;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreCatalogTest {

  private static StoredTable table(String db, String schema, String name, boolean discovered) {
    return new StoredTable(
        UUID.randomUUID(),
        TableName.of(db, schema, name),
        EntityType.TABLE,
        Optional.empty(),
        discovered,
        List.of(
            new StoredColumn(UUID.randomUUID(), "ID", Optional.of("int")),
            new StoredColumn(UUID.randomUUID(), "Name", Optional.empty())));
  }

  @Test
  void exactCaseWinsOverIgnoringCase() {
    StoredTable upper = table("PROD", "PUBLIC", "ORDERS", false);
    StoredTable quoted = table("PROD", "PUBLIC", "Orders", false);
    StoreCatalog catalog = StoreCatalog.of(List.of(upper, quoted));
    assertThat(catalog.resolve(TableName.of("PROD", "PUBLIC", "ORDERS"))).contains(upper);
    assertThat(catalog.resolve(TableName.of("PROD", "PUBLIC", "Orders"))).contains(quoted);
    assertThat(catalog.resolve(TableName.of("prod", "public", "orders"))).isEmpty(); // a tie
  }

  @Test
  void missingPartsMatchButTiesAreNotGuessed() {
    StoredTable a = table("db1", "s", "t", false);
    StoredTable b = table("db2", "s", "t", false);
    StoreCatalog catalog = StoreCatalog.of(List.of(a, b));
    assertThat(catalog.resolve(TableName.of("db1", null, "t"))).contains(a);
    assertThat(catalog.resolve(TableName.of(null, "s", "t"))).isEmpty();
    assertThat(catalog.resolve(TableName.of("db3", "s", "t"))).isEmpty();
    assertThat(catalog.resolve(TableName.of("nope"))).isEmpty();
  }

  @Test
  void aCatalogTableWinsOverADiscoveredOne() {
    StoredTable imported = table("prod", "public", "orders", false);
    StoredTable discovered = table(null, null, "orders", true);
    StoreCatalog catalog = StoreCatalog.of(List.of(discovered, imported));
    assertThat(catalog.resolve(TableName.of("orders"))).contains(imported);
    assertThat(catalog.resolve(TableName.of("prod", "public", "orders"))).contains(imported);
  }

  @Test
  void columnsResolveExactlyThenIgnoringCase() {
    StoredTable t = table("db", "s", "t", false);
    StoreCatalog catalog = StoreCatalog.of(List.of(t));
    TableName name = TableName.of("db", "s", "t");
    assertThat(
            catalog.resolve(name).flatMap(s -> s.column("ID")).map(StoreCatalog.StoredColumn::id))
        .contains(t.columns().get(0).id());
    assertThat(
            catalog.resolve(name).flatMap(s -> s.column("name")).map(StoreCatalog.StoredColumn::id))
        .contains(t.columns().get(1).id());
    assertThat(
            catalog
                .resolve(name)
                .flatMap(s -> s.column("missing"))
                .map(StoreCatalog.StoredColumn::id))
        .isEmpty();
    assertThat(catalog.table(name).orElseThrow().columns()).hasSize(2);
  }
}
