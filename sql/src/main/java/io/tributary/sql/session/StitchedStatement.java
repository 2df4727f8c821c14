package io.tributary.sql.session;

import io.tributary.sql.model.StatementLineage;
import java.util.List;
import java.util.Objects;

/**
 * A statement's lineage after stitching: temporary tables replaced by what they hold, and the
 * warnings of the stitching (also among the lineage's warnings, as text).
 */
public record StitchedStatement(StatementLineage lineage, List<SessionWarning> warnings) {
  public StitchedStatement {
    Objects.requireNonNull(lineage, "lineage");
    warnings = List.copyOf(warnings);
  }
}
