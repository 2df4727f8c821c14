package io.tributary.sql.parse;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.TableChange;
import io.tributary.sql.model.TableName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DDL statement on tables, read by {@link DdlRecognizer}: its kind, the table it changes, the
 * tables it reads the definition or rows of (LIKE, CLONE) and its changes.
 */
public record DdlStatement(
    StatementKind kind,
    Optional<TableName> target,
    List<TableName> sources,
    List<TableChange> changes) {

  public DdlStatement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    sources = List.copyOf(sources);
    changes = List.copyOf(changes);
  }
}
