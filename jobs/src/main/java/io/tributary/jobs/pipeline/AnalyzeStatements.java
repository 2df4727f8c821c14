package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.DeadLetter;
import io.tributary.jobs.openlineage.StatementRun;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.session.SessionStitcher;
import io.tributary.sql.session.TemporaryTableRule;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Analyzes each distinct statement with the analyzer's bounds and emits its edges by name. A
 * statement that cannot be analyzed, for whatever reason, goes to the dead letters with the error's
 * kind, message and position; nothing a statement does fails the job.
 */
final class AnalyzeStatements extends ProcessFunction<FingerprintedQuery, NamedEdge> {

  private static final long serialVersionUID = 1L;

  private final PipelineOptions options;
  private final CatalogFactory catalogFactory;
  private final OutputTag<DeadLetter> deadLetters;
  private final OutputTag<StatementRun> runs;

  private transient LineageAnalyzer analyzer;
  private transient Catalog catalog;
  private transient Counter analyzed;
  private transient Counter failed;
  private transient Counter skipped;
  private transient Counter edgesEmitted;
  private transient Histogram latency;
  private transient LongCounter analyzedTotal;
  private transient LongCounter failedTotal;
  private transient LongCounter skippedTotal;
  private transient LongCounter edgesEmittedTotal;

  /**
   * @param runs where each statement that writes a table goes as an OpenLineage run, or null
   */
  AnalyzeStatements(
      PipelineOptions options,
      CatalogFactory catalogFactory,
      OutputTag<DeadLetter> deadLetters,
      OutputTag<StatementRun> runs) {
    this.options = options;
    this.catalogFactory = catalogFactory;
    this.deadLetters = deadLetters;
    this.runs = runs;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    JobJdbcDrivers.deregisterWithTheJob(getRuntimeContext());
    analyzer = new LineageAnalyzer(options.limits());
    catalog = catalogFactory.open();
    var metrics = getRuntimeContext().getMetricGroup();
    analyzed = metrics.counter(PipelineMetrics.ANALYZED);
    failed = metrics.counter(PipelineMetrics.FAILED);
    skipped = metrics.counter(PipelineMetrics.STATEMENTS_SKIPPED);
    edgesEmitted = metrics.counter(PipelineMetrics.EDGES_EMITTED);
    latency =
        metrics.histogram(
            PipelineMetrics.ANALYSIS_LATENCY, new DescriptiveStatisticsHistogram(1_000));
    analyzedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.ANALYZED);
    failedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.FAILED);
    skippedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.STATEMENTS_SKIPPED);
    edgesEmittedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.EDGES_EMITTED);
  }

  @Override
  public void processElement(FingerprintedQuery query, Context ctx, Collector<NamedEdge> out) {
    var record = query.record();
    long started = System.nanoTime();
    List<StatementLineage> statements;
    try {
      AnalysisRequest request =
          new AnalysisRequest(
              record.sql(),
              Dialects.byName(query.dialect()),
              record.database(),
              record.schema(),
              catalog);
      // A script is one session: its own temporary tables are stitched through. Its lineage
      // depends on its text and defaults only, so deduplicating it by fingerprint stays exact.
      statements = analyzer.analyze(request, new SessionStitcher(TemporaryTableRule.defaults()));
    } catch (RuntimeException | StackOverflowError e) {
      // The analyzer promises not to throw; if it does anyway, the statement is the one to blame.
      latency.update((System.nanoTime() - started) / 1_000);
      deadLetter(ctx, query, "INTERNAL", String.valueOf(e));
      return;
    }
    latency.update((System.nanoTime() - started) / 1_000);
    int edges = 0;
    boolean anyFailed = false;
    for (StatementLineage statement : statements) {
      Optional<AnalysisError> error = statement.error();
      if (error.isPresent()) {
        anyFailed = true;
        deadLetter(
            ctx,
            query,
            error.get().kind().name(),
            describe(error.get(), statements.size() > 1 ? statement : null));
        continue;
      }
      if (runs != null) {
        StatementRun.of(
                query.fingerprint(),
                record.originOrEmpty(),
                query.dialect(),
                record.sql(),
                query.firstSeenMillis(),
                statement)
            .ifPresent(run -> ctx.output(runs, run));
      }
      for (NamedEdge edge :
          StatementEdges.of(
              statement, query.fingerprint(), query.firstSeenMillis(), query.lastSeenMillis())) {
        out.collect(edge);
        edges++;
      }
    }
    if (anyFailed) {
      failed.inc();
      failedTotal.add(1);
    } else {
      analyzed.inc();
      analyzedTotal.add(1);
    }
    if (edges == 0 && !anyFailed) {
      skipped.inc();
      skippedTotal.add(1);
    }
    edgesEmitted.inc(edges);
    edgesEmittedTotal.add(edges);
  }

  @Override
  public void close() throws Exception {
    // A store-backed catalog holds this task's share of the TaskManager's store connections.
    if (catalog instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  private void deadLetter(Context ctx, FingerprintedQuery query, String reason, String message) {
    ctx.output(
        deadLetters,
        new DeadLetter(
            query.record().queryId(),
            query.fingerprint(),
            query.dialect(),
            query.record().sql(),
            reason,
            message,
            System.currentTimeMillis()));
  }

  /**
   * {@code PARSE_ERROR at 1:8: message}, naming the statement of a script when there are several.
   */
  static String describe(AnalysisError error, StatementLineage statementOfScript) {
    StringBuilder reason = new StringBuilder(error.kind().name());
    if (error.line().isPresent()) {
      reason.append(" at ").append(error.line().getAsInt());
      error.column().ifPresent(c -> reason.append(':').append(c));
    }
    if (statementOfScript != null) {
      reason.append(" (statement ").append(statementOfScript.index() + 1).append(')');
    }
    return reason.append(": ").append(error.message()).toString();
  }
}
