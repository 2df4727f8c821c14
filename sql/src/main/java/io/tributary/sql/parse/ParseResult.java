package io.tributary.sql.parse;

import io.tributary.sql.model.AnalysisError;
import net.sf.jsqlparser.statement.Statement;

/** What parsing one statement gave: a syntax tree or a structured error. */
public sealed interface ParseResult {

  /** The statement parsed. */
  record Parsed(Statement statement) implements ParseResult {}

  /** The statement did not parse; positions are relative to the statement's text. */
  record Failed(AnalysisError error) implements ParseResult {}
}
