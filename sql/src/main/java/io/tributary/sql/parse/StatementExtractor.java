package io.tributary.sql.parse;

import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementLineage;
import net.sf.jsqlparser.statement.Statement;

/**
 * The step after parsing: a parsed statement to its lineage, under the session's defaults and
 * within the statement's deadline. It may throw; the analyzer turns anything thrown into an error.
 */
@FunctionalInterface
public interface StatementExtractor {

  StatementLineage extract(
      int index, String sql, Statement statement, SessionDefaults defaults, Deadline deadline)
      throws Exception;
}
