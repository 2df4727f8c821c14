package io.tributary.connectors.store;

import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.model.TableName;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Name-based ids: every writer (a job task, the API, a replay, a catalog import) computes the same
 * id for the same name without asking the store, so writes are idempotent upserts.
 *
 * <p>A name's parts enter the id as the dialect names the object ({@link #key}), so that the same
 * table written different ways has one id and two different tables never share one. The analyzer
 * has already folded unquoted parts by the dialect's rule; what remains is the case:
 *
 * <ul>
 *   <li>Lower-folding dialects (PostgreSQL): the part as it is. {@code orders}, {@code ORDERS} and
 *       {@code "orders"} are {@code orders}; the quoted {@code "Orders"} is another table.
 *   <li>Upper-folding dialects (Snowflake): the part with its case inverted, so that the folded
 *       form gets the same id as in every other dialect. {@code orders}, {@code ORDERS} and {@code
 *       "ORDERS"} are {@code orders}; the quoted {@code "orders"} is another table ({@code
 *       ORDERS}).
 *   <li>Dialects that keep an identifier's case and compare ignoring it (T-SQL, MySQL, BigQuery, as
 *       the analyzer compares them): the part in lower case. {@code [Orders]} and {@code orders}
 *       are one table.
 * </ul>
 *
 * A name with no dialect (a catalog import, an OpenLineage report) is compared ignoring case. The
 * key of a name written in its unquoted form is its lower-case spelling in every dialect, as it was
 * before ids followed the dialect, so stores written earlier keep their ids.
 */
public final class StoreIds {

  private StoreIds() {}

  public static UUID integrationId(String title, String type) {
    return uuid("integration\u0000" + lower(type) + "\u0000" + title);
  }

  /**
   * A table's or view's id, its name compared ignoring case; {@code integrationId} is empty for a
   * table only seen in queries.
   */
  public static UUID tableId(
      Optional<UUID> integrationId,
      Optional<String> database,
      Optional<String> schema,
      String table) {
    return tableId(integrationId, new TableName(database, schema, table), IdentifierCase.PRESERVE);
  }

  /** A table's or view's id, its name's parts keyed by the dialect's {@code rule}. */
  public static UUID tableId(Optional<UUID> integrationId, TableName name, IdentifierCase rule) {
    return uuid(
        "table\u0000"
            + integrationId.map(UUID::toString).orElse("")
            + "\u0000"
            + name.database().map(p -> key(p, rule)).orElse("")
            + "\u0000"
            + name.schema().map(p -> key(p, rule)).orElse("")
            + "\u0000"
            + key(name.name(), rule));
  }

  /** A column's id, its name compared ignoring case. */
  public static UUID columnId(UUID tableId, String column) {
    return columnId(tableId, column, IdentifierCase.PRESERVE);
  }

  /** A column's id, its name keyed by the dialect's {@code rule}. */
  public static UUID columnId(UUID tableId, String column, IdentifierCase rule) {
    return uuid("column\u0000" + tableId + "\u0000" + key(column, rule));
  }

  /**
   * The form a name part (as the analyzer normalized it) takes in an id under a dialect's rule for
   * unquoted identifiers; two parts name the same object exactly when their keys are equal.
   */
  public static String key(String part, IdentifierCase rule) {
    return switch (rule) {
      case LOWER -> part;
      case UPPER -> invertCase(part);
      case PRESERVE -> lower(part);
    };
  }

  /** Whether a part is spelled as an unquoted identifier folds under {@code rule}. */
  static boolean folded(String part, IdentifierCase rule) {
    return switch (rule) {
      case LOWER -> part.equals(lower(part));
      case UPPER -> part.equals(part.toUpperCase(Locale.ROOT));
      case PRESERVE -> true;
    };
  }

  private static String invertCase(String s) {
    StringBuilder inverted = new StringBuilder(s.length());
    s.codePoints()
        .map(
            c ->
                Character.isUpperCase(c)
                    ? Character.toLowerCase(c)
                    : Character.isLowerCase(c) ? Character.toUpperCase(c) : c)
        .forEach(inverted::appendCodePoint);
    return inverted.toString();
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
