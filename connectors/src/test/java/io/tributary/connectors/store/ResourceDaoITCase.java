package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.model.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Resources: catalog upserts update, discovered rows never overwrite, filters, the store catalog.
 */
public abstract class ResourceDaoITCase extends StoreITCaseBase {

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private List<ResourceRow> table(
      Integration integration, String db, String schema, String title, String... columns) {
    ResourceRow table =
        ResourceRow.table(
            Optional.of(integration.id()),
            Optional.of(db),
            Optional.of(schema),
            title,
            EntityType.TABLE,
            Optional.of("BASE TABLE"),
            false);
    List<ResourceRow> rows = new ArrayList<>();
    rows.add(table);
    for (int i = 0; i < columns.length; i++) {
      rows.add(
          ResourceRow.column(
              table,
              columns[i],
              Optional.of("varchar"),
              Optional.of("varchar(255)"),
              OptionalInt.of(i + 1),
              false));
    }
    return rows;
  }

  @Test
  void integrationsAreCreatedOnce() {
    String title = unique("Production");
    Integration first = store.resources().upsertIntegration(title, "snowflake");
    Integration second = store.resources().upsertIntegration(title, "snowflake");
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(first.title()).isEqualTo(title);
    assertThat(first.type()).isEqualTo("snowflake");
  }

  @Test
  void findJoinsIntegrationAndTable() {
    Integration integration = store.resources().upsertIntegration(unique("pg"), "postgres");
    String db = unique("prod");
    List<ResourceRow> rows = table(integration, db, "public", "customers", "id", "name");
    store.resources().upsert(rows);

    Resource table = store.resources().find(rows.get(0).id()).orElseThrow();
    assertThat(table.title()).isEqualTo("customers");
    assertThat(table.entityType()).isEqualTo(EntityType.TABLE);
    assertThat(table.nativeType()).contains("BASE TABLE");
    assertThat(table.databaseName()).contains(db);
    assertThat(table.schemaName()).contains("public");
    assertThat(table.integration()).contains(integration);
    assertThat(table.discovered()).isFalse();

    Resource column = store.resources().find(rows.get(2).id()).orElseThrow();
    assertThat(column.entityType()).isEqualTo(EntityType.COLUMN);
    assertThat(column.tableId()).contains(table.id());
    assertThat(column.tableTitle()).contains("customers");
    assertThat(column.type()).contains("varchar");
    assertThat(column.nativeType()).contains("varchar(255)");
    assertThat(store.resources().columns(table.id()))
        .extracting(Resource::title)
        .containsExactly("id", "name");
    assertThat(store.resources().find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void reimportUpdatesAndNeverDuplicates() {
    Integration integration = store.resources().upsertIntegration(unique("pg"), "postgres");
    String db = unique("db");
    store.resources().upsert(table(integration, db, "s", "t", "a"));
    List<ResourceRow> again = table(integration, db, "S", "T", "a", "b");
    store.resources().upsert(again);

    ResourceFilter inDb =
        new ResourceFilter(
            Optional.empty(),
            Optional.empty(),
            Optional.of(db),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    Page<Resource> page = store.resources().list(inDb, 1, 50);
    assertThat(page.count()).isEqualTo(3);
    assertThat(store.resources().find(again.get(0).id()).orElseThrow().title()).isEqualTo("T");
  }

  @Test
  void anUnchangedReimportLeavesUpdatedAtAlone() throws InterruptedException {
    Integration integration = store.resources().upsertIntegration(unique("pg"), "postgres");
    String db = unique("db");
    List<ResourceRow> rows = table(integration, db, "s", "t", "a");
    store.resources().upsert(rows);
    Instant first = store.resources().find(rows.get(1).id()).orElseThrow().updatedAt();
    Thread.sleep(5);

    store.resources().upsert(table(integration, db, "s", "t", "a"));
    assertThat(store.resources().find(rows.get(1).id()).orElseThrow().updatedAt()).isEqualTo(first);

    store.resources().upsert(table(integration, db, "s", "T", "a"));
    assertThat(store.resources().find(rows.get(0).id()).orElseThrow().updatedAt()).isAfter(first);
  }

  @Test
  void discoveredRowsNeverOverwriteCatalogRows() {
    Integration integration = store.resources().upsertIntegration(unique("pg"), "postgres");
    String db = unique("db");
    List<ResourceRow> rows = table(integration, db, "s", "orders", "id");
    store.resources().upsert(rows);
    ResourceRow catalogTable = rows.get(0);

    List<ResourceRow> discovered = new java.util.ArrayList<>();
    discovered.add(catalogTable.withDiscovered());
    for (String column : List.of("id", "x")) {
      discovered.add(
          ResourceRow.column(
              catalogTable, column, Optional.empty(), Optional.empty(), OptionalInt.empty(), true));
    }
    store.resources().upsert(discovered);

    assertThat(store.resources().find(catalogTable.id()).orElseThrow().discovered()).isFalse();
    assertThat(store.resources().find(rows.get(1).id()).orElseThrow().type()).contains("varchar");
    Resource x = store.resources().find(discovered.get(2).id()).orElseThrow();
    assertThat(x.discovered()).isTrue();
    assertThat(x.tableId()).contains(catalogTable.id());
  }

  @Test
  void discoveredResourcesHaveNameBasedIds() {
    String db = unique("db");
    TableName name = TableName.of(db, "raw", "events");
    List<ResourceRow> rows = DiscoveredResources.register(store, name, "id");
    DiscoveredResources.register(store, name, "id");

    UUID tableId =
        StoreIds.tableId(Optional.empty(), Optional.of(db), Optional.of("raw"), "EVENTS");
    assertThat(rows.get(0).id()).isEqualTo(tableId);
    assertThat(rows.get(1).id()).isEqualTo(StoreIds.columnId(tableId, "ID"));
    Resource table = store.resources().find(tableId).orElseThrow();
    assertThat(table.discovered()).isTrue();
    assertThat(table.integration()).isEmpty();
  }

  @Test
  void listFiltersAndPages() {
    Integration integration = store.resources().upsertIntegration(unique("wh"), "snowflake");
    String db = unique("db");
    for (int i = 0; i < 60; i++) {
      store.resources().upsert(table(integration, db, i % 2 == 0 ? "even" : "odd", "t" + i, "c"));
    }
    ResourceFilter tablesOfEven =
        new ResourceFilter(
            Optional.of(EntityType.TABLE),
            Optional.of(integration.id()),
            Optional.of(db.toUpperCase()),
            Optional.of("EVEN"),
            Optional.empty(),
            Optional.empty());
    Page<Resource> page = store.resources().list(tablesOfEven, 1, 20);
    assertThat(page.count()).isEqualTo(30);
    assertThat(page.totalPages()).isEqualTo(2);
    assertThat(page.results())
        .hasSize(20)
        .allMatch(r -> r.schemaName().orElseThrow().equals("even"));

    ResourceFilter search =
        new ResourceFilter(
            Optional.empty(),
            Optional.of(integration.id()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("T1"));
    // t1, t10..t19
    assertThat(store.resources().list(search, 1, 50).count()).isEqualTo(11);
    ResourceFilter title =
        new ResourceFilter(
            Optional.empty(),
            Optional.of(integration.id()),
            Optional.empty(),
            Optional.empty(),
            Optional.of("T1"),
            Optional.empty());
    assertThat(store.resources().list(title, 1, 50).count()).isEqualTo(1);
    ResourceFilter percent =
        new ResourceFilter(
            Optional.empty(),
            Optional.of(integration.id()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("%"));
    assertThat(store.resources().list(percent, 1, 50).count()).isZero();
    ResourceFilter underscore =
        new ResourceFilter(
            Optional.empty(),
            Optional.of(integration.id()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("t_"));
    assertThat(store.resources().list(underscore, 1, 50).count()).isZero();
  }

  @Test
  void storeCatalogResolvesNamesWithCaseRulesAndDefaults() {
    Integration integration = store.resources().upsertIntegration(unique("sf"), "snowflake");
    String db = unique("PROD").toUpperCase();
    List<ResourceRow> rows = table(integration, db, "PUBLIC", "CUSTOMERS", "ID", "NAME");
    store.resources().upsert(rows);
    UUID tableId = rows.get(0).id();

    StoreCatalog catalog = store.catalog();

    assertThat(
            catalog
                .resolve(TableName.of(db, "PUBLIC", "CUSTOMERS"))
                .map(StoreCatalog.StoredTable::id))
        .contains(tableId);
    assertThat(
            catalog
                .resolve(TableName.of(db.toLowerCase(), "public", "customers"))
                .map(StoreCatalog.StoredTable::id))
        .contains(tableId);
    assertThat(
            catalog
                .resolve(TableName.of(null, "PUBLIC", "CUSTOMERS"))
                .map(StoreCatalog.StoredTable::id))
        .contains(tableId);
    assertThat(
            catalog
                .resolve(TableName.of("OTHER", "PUBLIC", "CUSTOMERS"))
                .map(StoreCatalog.StoredTable::id))
        .isEmpty();
    assertThat(
            catalog
                .resolve(TableName.of(db, "PUBLIC", "CUSTOMERS"))
                .flatMap(s -> s.column("name"))
                .map(StoreCatalog.StoredColumn::id))
        .contains(rows.get(2).id());
    assertThat(catalog.table(TableName.of(db, "PUBLIC", "CUSTOMERS")).orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("ID", "NAME");

    // a discovered table of the same title does not hide the catalog one
    DiscoveredResources.register(store, TableName.of("CUSTOMERS"));
    assertThat(
            store
                .catalog()
                .resolve(TableName.of(null, "PUBLIC", "CUSTOMERS"))
                .map(StoreCatalog.StoredTable::id))
        .contains(tableId);
  }
}
