package io.tributary.connectors.store;

import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.TableName;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A resource as {@link StoreDialect#upsertResourceSql()} writes it. Build one with {@link #table}
 * or {@link #column}: they compute the name-based id.
 */
public record ResourceRow(
    UUID id,
    String title,
    EntityType entityType,
    Optional<String> type,
    Optional<String> nativeType,
    Optional<String> schemaName,
    Optional<String> databaseName,
    Optional<UUID> integrationId,
    Optional<UUID> tableId,
    OptionalInt ordinal,
    boolean discovered) {

  public ResourceRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(entityType, "entityType");
  }

  /** A table or view. */
  public static ResourceRow table(
      Optional<UUID> integrationId,
      Optional<String> database,
      Optional<String> schema,
      String title,
      EntityType entityType,
      Optional<String> nativeType,
      boolean discovered) {
    if (entityType == EntityType.COLUMN) {
      throw new IllegalArgumentException("a table row is a table or a view");
    }
    return new ResourceRow(
        StoreIds.tableId(integrationId, database, schema, title),
        title,
        entityType,
        Optional.of(entityType.jsonName()),
        nativeType.or(() -> Optional.of(entityType.jsonName())),
        schema,
        database,
        integrationId,
        Optional.empty(),
        OptionalInt.empty(),
        discovered);
  }

  /**
   * A table only seen in queries, under no integration, named in a dialect with this rule for
   * unquoted identifiers ({@link StoreIds#key}).
   */
  public static ResourceRow discoveredTable(TableName name, IdentifierCase rule) {
    EntityType table = EntityType.TABLE;
    return new ResourceRow(
        StoreIds.tableId(Optional.empty(), name, rule),
        name.name(),
        table,
        Optional.of(table.jsonName()),
        Optional.of(table.jsonName()),
        name.schema(),
        name.database(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        true);
  }

  /** A column of {@code table}; {@code type} is the simple type, {@code nativeType} as declared. */
  public static ResourceRow column(
      ResourceRow table,
      String title,
      Optional<String> type,
      Optional<String> nativeType,
      OptionalInt ordinal,
      boolean discovered) {
    return new ResourceRow(
        StoreIds.columnId(table.id(), title),
        title,
        EntityType.COLUMN,
        type,
        nativeType.or(() -> type),
        table.schemaName(),
        table.databaseName(),
        table.integrationId(),
        Optional.of(table.id()),
        ordinal,
        discovered);
  }

  /** This row as seen in a query: it then never overwrites what a catalog import wrote. */
  public ResourceRow withDiscovered() {
    return new ResourceRow(
        id,
        title,
        entityType,
        type,
        nativeType,
        schemaName,
        databaseName,
        integrationId,
        tableId,
        ordinal,
        true);
  }

  /** Sets the 13 parameters of {@link StoreDialect#upsertResourceSql()}. */
  public static void bind(PreparedStatement ps, ResourceRow row) throws SQLException {
    var now = Timestamps.toDb(Timestamps.now());
    ps.setObject(1, row.id());
    ps.setObject(2, now);
    ps.setObject(3, now);
    ps.setString(4, row.title());
    ps.setString(5, row.entityType().jsonName());
    Sql.setString(ps, 6, row.type());
    Sql.setString(ps, 7, row.nativeType());
    Sql.setString(ps, 8, row.schemaName());
    Sql.setString(ps, 9, row.databaseName());
    Sql.setUuid(ps, 10, row.integrationId());
    Sql.setUuid(ps, 11, row.tableId());
    if (row.ordinal().isPresent()) {
      ps.setInt(12, row.ordinal().getAsInt());
    } else {
      ps.setNull(12, Types.INTEGER);
    }
    ps.setBoolean(13, row.discovered());
  }
}
