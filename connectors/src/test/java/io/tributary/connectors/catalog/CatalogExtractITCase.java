package io.tributary.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.connectors.store.TestDatabase;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Extraction from a live database into an H2 store; a subclass per source database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogExtractITCase {

  /** A source database holding {@code <schema>.customers(id, name)} and a view over it. */
  protected interface Source extends AutoCloseable {
    String jdbcUrl();

    String schema();

    /** The name the analyzer gives {@code <schema>.customers} in this database's dialect. */
    TableName customers();

    @Override
    void close();
  }

  protected abstract Source newSource();

  private Source source;
  private TestDatabase storeDb;
  private LineageStore store;

  @BeforeAll
  void setUp() {
    source = newSource();
    storeDb = TestDatabase.h2();
    store = LineageStore.open(storeDb.jdbcUrl(), 2);
  }

  @AfterAll
  void tearDown() {
    store.close();
    storeDb.close();
    source.close();
  }

  @Test
  void extractsTablesViewsAndColumnsOnceAndAgain() throws Exception {
    var options = new CatalogExtract.Options(List.of(source.schema()), Optional.empty());
    CatalogWriter.Summary first = new CatalogExtract(store).run(source.jdbcUrl(), options);
    CatalogWriter.Summary second = new CatalogExtract(store).run(source.jdbcUrl(), options);

    assertThat(first.tables()).isEqualTo(2);
    assertThat(first.columns()).isEqualTo(3);
    assertThat(second).isEqualTo(first);
    StoreCatalog catalog = store.catalog();
    assertThat(catalog.size()).isEqualTo(2);
    UUID customers =
        catalog.resolve(source.customers()).map(StoreCatalog.StoredTable::id).orElseThrow();
    Resource table = store.resources().find(customers).orElseThrow();
    assertThat(table.entityType()).isEqualTo(EntityType.TABLE);
    assertThat(store.resources().columns(customers))
        .extracting(Resource::title)
        .containsExactly("id", "name");
    Resource name = store.resources().columns(customers).get(1);
    assertThat(name.nativeType()).contains("varchar(40)");
    assertThat(
            catalog
                .resolve(
                    new TableName(
                        source.customers().database(),
                        source.customers().schema(),
                        "customer_names"))
                .map(StoreCatalog.StoredTable::id))
        .map(id -> store.resources().find(id).orElseThrow().entityType())
        .contains(EntityType.VIEW);
  }
}
