package io.tributary.connectors.store;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Name-based ids: every writer (a job task, the API, a replay, a catalog import) computes the same
 * id for the same name without asking the store, so writes are idempotent upserts. Names are
 * compared lower-cased: {@code PROD.PUBLIC.ORDERS} and {@code prod.public.orders} are one table.
 */
public final class StoreIds {

  private StoreIds() {}

  public static UUID integrationId(String title, String type) {
    return uuid("integration\u0000" + lower(type) + "\u0000" + title);
  }

  /** A table's or view's id; {@code integrationId} is empty for a table only seen in queries. */
  public static UUID tableId(
      Optional<UUID> integrationId,
      Optional<String> database,
      Optional<String> schema,
      String table) {
    return uuid(
        "table\u0000"
            + integrationId.map(UUID::toString).orElse("")
            + "\u0000"
            + database.map(StoreIds::lower).orElse("")
            + "\u0000"
            + schema.map(StoreIds::lower).orElse("")
            + "\u0000"
            + lower(table));
  }

  public static UUID columnId(UUID tableId, String column) {
    return uuid("column\u0000" + tableId + "\u0000" + lower(column));
  }

  public static UUID edgeId(UUID from, UUID to, Direction direction) {
    return uuid("edge\u0000" + from + "\u0000" + to + "\u0000" + direction.name());
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static UUID uuid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
