package io.tributary.sql.lineage;

import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.TableName;
import java.util.Optional;

/** What one statement extractor found: the statement's kind, the table written, the pairs. */
record Extraction(StatementKind kind, Optional<TableName> target, LineagePairs pairs) {

  static Extraction of(StatementKind kind, TableName target, LineagePairs pairs) {
    return new Extraction(kind, Optional.ofNullable(target), pairs);
  }
}
