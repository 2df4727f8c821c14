package io.tributary.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connectors.store.DiscoveredResources;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.ResourceFilter;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.connectors.store.StoreITCaseBase;
import io.tributary.sql.json.InvalidJsonInputException;
import io.tributary.sql.model.TableName;
import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Catalog files: the analyze --catalog JSON and JSON Lines; re-import updates, never duplicates.
 */
public abstract class CatalogImportITCase extends StoreITCaseBase {

  private CatalogWriter.Summary load(String json) throws Exception {
    return new CatalogImport(store, new ObjectMapper()).run(new StringReader(json));
  }

  private long countIn(String db) {
    return store
        .resources()
        .list(
            new ResourceFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.of(db),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            1,
            50)
        .count();
  }

  @Test
  void importsACatalogWithItsIntegrationAndReimportUpdates() throws Exception {
    String db = "db_" + UUID.randomUUID().toString().substring(0, 8);
    String catalog =
        """
        {"integration": {"title": "Production Snowflake", "type": "snowflake"},
         "tables": [
           {"database_name": "%1$s", "schema_name": "PUBLIC", "title": "CUSTOMERS",
            "columns": [{"title": "ID", "type": "NUMBER"}, {"title": "NAME", "type": "VARCHAR"}]},
           {"database_name": "%1$s", "schema_name": "PUBLIC", "title": "V_CUSTOMERS",
            "entity_type": "view", "columns": [{"title": "ID"}]}]}
        """
            .formatted(db);
    CatalogWriter.Summary summary = load(catalog);
    assertThat(summary).isEqualTo(new CatalogWriter.Summary(2, 3));
    assertThat(countIn(db)).isEqualTo(5);

    load(catalog.replace("\"VARCHAR\"", "\"TEXT\""));
    assertThat(countIn(db)).isEqualTo(5);

    var catalogView = store.catalog();
    UUID customers =
        catalogView
            .resolve(TableName.of(db, "PUBLIC", "CUSTOMERS"))
            .map(StoreCatalog.StoredTable::id)
            .orElseThrow();
    Resource table = store.resources().find(customers).orElseThrow();
    assertThat(table.integration().orElseThrow().title()).isEqualTo("Production Snowflake");
    assertThat(table.integration().orElseThrow().type()).isEqualTo("snowflake");
    Resource name =
        store
            .resources()
            .find(
                catalogView
                    .resolve(TableName.of(db, "PUBLIC", "CUSTOMERS"))
                    .flatMap(t -> t.column("NAME"))
                    .map(StoreCatalog.StoredColumn::id)
                    .get())
            .orElseThrow();
    assertThat(name.type()).contains("TEXT");
    UUID view =
        catalogView
            .resolve(TableName.of(db, "PUBLIC", "V_CUSTOMERS"))
            .map(StoreCatalog.StoredTable::id)
            .orElseThrow();
    assertThat(store.resources().find(view).orElseThrow().entityType()).isEqualTo(EntityType.VIEW);
  }

  @Test
  void importsJsonLinesAndUpgradesDiscoveredTables() throws Exception {
    String db = "db_" + UUID.randomUUID().toString().substring(0, 8);
    var discovered = DiscoveredResources.register(store, TableName.of(db, "raw", "events"), "id");
    String lines =
        """
        {"database_name": "%1$s", "schema_name": "raw", "title": "events", "columns": [{"title": "id", "type": "int"}, {"title": "at", "type": "timestamp"}]}
        {"integration": {"title": "Warehouse", "type": "postgres"}}
        {"database_name": "%1$s", "schema_name": "raw", "title": "users", "columns": [{"title": "id"}]}
        """
            .formatted(db);
    assertThat(load(lines)).isEqualTo(new CatalogWriter.Summary(2, 3));

    Resource events = store.resources().find(discovered.get(0).id()).orElseThrow();
    assertThat(events.discovered()).isFalse();
    assertThat(store.resources().find(discovered.get(1).id()).orElseThrow().type()).contains("int");
    UUID users =
        store
            .catalog()
            .resolve(TableName.of(db, "raw", "users"))
            .map(StoreCatalog.StoredTable::id)
            .orElseThrow();
    assertThat(store.resources().find(users).orElseThrow().integration().orElseThrow().title())
        .isEqualTo("Warehouse");
  }

  @Test
  void badInputNamesWhereItIs() {
    assertThatThrownBy(() -> load("{\"tables\": [{\"columns\": []}]}"))
        .isInstanceOf(InvalidJsonInputException.class)
        .hasMessageContaining("tables[0]")
        .hasMessageContaining("title");
    assertThatThrownBy(() -> load("{\"title\": \"t\"}\n{oops"))
        .isInstanceOf(InvalidJsonInputException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> load("{\"integration\": {\"title\": \"x\"}}"))
        .isInstanceOf(InvalidJsonInputException.class)
        .hasMessageContaining("type");
  }
}
