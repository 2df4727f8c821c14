package io.tributary.connectors.store;

import io.tributary.connectors.store.StoreCatalog.StoredColumn;
import io.tributary.connectors.store.StoreCatalog.StoredTable;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the analyzer's names into store resources through a {@link StoreCatalog} snapshot. A name
 * the catalog does not know is registered as a discovered resource when {@code register} is set:
 * its row (with the name-based id every writer computes) is kept here until the caller writes it
 * ({@link #takeNewRows}); otherwise it resolves to nothing. Every name the catalog did not know is
 * listed in {@link #unresolved}. One instance serves one request or one task; not thread-safe.
 */
public final class ResourceNames {

  private final StoreCatalog catalog;
  private final IdentifierCase rule;
  private final boolean register;
  private final Map<TableName, Optional<StoredTable>> tables = new HashMap<>();
  private final Map<UUID, Set<UUID>> newColumns = new HashMap<>();
  private final List<ResourceRow> newRows = new ArrayList<>();
  private final Set<String> unresolved = new LinkedHashSet<>();

  /**
   * @param rule the dialect's rule for unquoted identifiers, which decides when two spellings name
   *     one resource ({@link StoreIds#key}); {@code PRESERVE} for names of no dialect
   */
  public ResourceNames(StoreCatalog catalog, IdentifierCase rule, boolean register) {
    this.catalog = catalog;
    this.rule = rule;
    this.register = register;
  }

  /** The stored (or newly registered) table of this name. */
  public Optional<StoredTable> table(TableName name) {
    return tables.computeIfAbsent(name, this::lookUp);
  }

  /** The stored table of this name, registering nothing when the catalog does not know it. */
  public Optional<StoredTable> known(TableName name) {
    Optional<StoredTable> seen = tables.get(name);
    return seen != null ? seen : catalog.resolve(name, rule);
  }

  /** Resolves {@code table}'s name to this table, whatever the catalog holds (a given target). */
  public void pin(StoredTable table) {
    tables.put(table.name(), Optional.of(table));
  }

  private Optional<StoredTable> lookUp(TableName name) {
    Optional<StoredTable> known = catalog.resolve(name, rule);
    if (known.isPresent()) {
      return known;
    }
    unresolved.add(name.qualified());
    if (!register) {
      return Optional.empty();
    }
    ResourceRow row = ResourceRow.discoveredTable(name, rule);
    newRows.add(row);
    return Optional.of(
        new StoredTable(row.id(), name, EntityType.TABLE, Optional.empty(), true, List.of()));
  }

  /** The id of a column of {@code table}; {@code nativeType} is kept only when registered here. */
  public Optional<UUID> column(StoredTable table, String column, Optional<String> nativeType) {
    Optional<UUID> known = table.column(column, rule).map(StoredColumn::id);
    if (known.isPresent()) {
      return known;
    }
    UUID id = StoreIds.columnId(table.id(), column, rule);
    Set<UUID> added = newColumns.computeIfAbsent(table.id(), k -> new HashSet<>());
    if (added.contains(id)) {
      return Optional.of(id);
    }
    unresolved.add(table.name().qualified() + "." + column);
    if (!register) {
      return Optional.empty();
    }
    added.add(id);
    newRows.add(
        new ResourceRow(
            id,
            column,
            EntityType.COLUMN,
            Optional.empty(),
            nativeType,
            table.name().schema(),
            table.name().database(),
            table.integrationId(),
            Optional.of(table.id()),
            OptionalInt.empty(),
            true));
    return Optional.of(id);
  }

  /** Notes a name that stays unresolved whatever the catalog holds (a column of no table). */
  void unplaced(String name) {
    unresolved.add(name);
  }

  /** The rows registered so far, in order, tables before their columns. */
  public List<ResourceRow> newRows() {
    return List.copyOf(newRows);
  }

  /** The rows registered since the last call, which the caller is about to write. */
  public List<ResourceRow> takeNewRows() {
    List<ResourceRow> taken = List.copyOf(newRows);
    newRows.clear();
    return taken;
  }

  /** The names the catalog did not know, qualified, in the order first met. */
  public List<String> unresolved() {
    return List.copyOf(unresolved);
  }
}
