package io.tributary.sql.parse;

import io.tributary.sql.model.SessionDefaults;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement without lineage, recognized before parsing, and the session defaults it changes for
 * the statements after it ({@code USE db}, {@code SET search_path TO s}).
 *
 * @param command the statement's leading keyword(s), upper case ({@code USE}, {@code SET}, {@code
 *     CREATE FUNCTION})
 * @param database the new default database, already normalized by the dialect
 * @param schema the new default schema, already normalized by the dialect
 */
public record UtilityStatement(String command, Optional<String> database, Optional<String> schema) {

  public UtilityStatement {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(schema, "schema");
  }

  public static UtilityStatement of(String command) {
    return new UtilityStatement(command, Optional.empty(), Optional.empty());
  }

  /** Whether the statement changes the session's defaults. */
  public boolean changesDefaults() {
    return database.isPresent() || schema.isPresent();
  }

  /** The defaults in effect after this statement. */
  public SessionDefaults apply(SessionDefaults before) {
    SessionDefaults after = before;
    if (database.isPresent()) {
      after = after.withDatabase(database.get());
    }
    if (schema.isPresent()) {
      after = after.withSchema(schema.get());
    }
    return after;
  }
}
