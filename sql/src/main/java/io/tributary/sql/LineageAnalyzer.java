package io.tributary.sql;

import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.StatementLineage;
import java.util.List;
import java.util.Objects;

/**
 * The analyzer's entry point: SQL text in, one {@link StatementLineage} per statement out. It never
 * throws for bad input: a statement that cannot be analyzed comes back with an {@link
 * AnalysisError}. Thread-safe; one instance can serve every task of a job.
 */
public final class LineageAnalyzer {

  private final AnalyzerLimits limits;

  public LineageAnalyzer(AnalyzerLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public LineageAnalyzer() {
    this(AnalyzerLimits.defaults());
  }

  public AnalyzerLimits limits() {
    return limits;
  }

  /** Analyzes every statement of the request's SQL, in order. */
  public List<StatementLineage> analyze(AnalysisRequest request) {
    return List.of(
        StatementLineage.failed(
            0, request.sql(), AnalysisError.of(ErrorKind.INTERNAL, "not implemented yet")));
  }
}
