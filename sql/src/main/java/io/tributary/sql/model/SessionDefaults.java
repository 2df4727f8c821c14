package io.tributary.sql.model;

import java.util.Optional;

/**
 * The database and schema that qualify unqualified table names; a script's {@code USE} and {@code
 * SET search_path} statements replace them for the statements after them. Values are already
 * normalized by the dialect.
 */
public record SessionDefaults(Optional<String> database, Optional<String> schema) {

  public SessionDefaults {
    database = database.filter(s -> !s.isBlank());
    schema = schema.filter(s -> !s.isBlank());
  }

  public static SessionDefaults none() {
    return new SessionDefaults(Optional.empty(), Optional.empty());
  }

  public SessionDefaults withDatabase(String newDatabase) {
    return new SessionDefaults(Optional.ofNullable(newDatabase), schema);
  }

  public SessionDefaults withSchema(String newSchema) {
    return new SessionDefaults(database, Optional.ofNullable(newSchema));
  }
}
