package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.ContentReplacement;
import io.tributary.connectors.sink.ResolvedEdge;
import io.tributary.connectors.store.DeadLetter;
import io.tributary.connectors.store.DeadLetterReason;
import io.tributary.connectors.store.JobJdbcDrivers;
import io.tributary.connectors.store.LineageEdges;
import io.tributary.connectors.store.ResourceId;
import io.tributary.connectors.store.RetirementReason;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.WarningKind;
import io.tributary.sql.session.SessionStitcher;
import io.tributary.sql.session.TemporaryTableRule;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Analyzes each distinct statement with the analyzer's bounds and emits its edges, resolved to
 * store resources by {@link io.tributary.connectors.store.LineageEdges} (names the store does not
 * know are registered as discovered resources when the options allow, else their edges dropped). A
 * statement that cannot be analyzed, for whatever reason, goes to the dead letters with the error's
 * kind, message and position; nothing a statement does fails the job.
 */
final class AnalyzeStatements extends ProcessFunction<FingerprintedQuery, ResolvedEdge> {

  private static final long serialVersionUID = 1L;

  /**
   * Kinds whose statement replaces its target's whole contents. The analyzer does not tell CREATE
   * OR REPLACE TABLE .. AS from a plain CTAS, so only an overwrite and a view's (re)definition are.
   */
  static final Set<StatementKind> REPLACES_CONTENTS =
      EnumSet.of(
          StatementKind.INSERT_OVERWRITE,
          StatementKind.CREATE_VIEW,
          StatementKind.CREATE_MATERIALIZED_VIEW);

  private final PipelineOptions options;
  private final PipelineStore store;
  private final OutputTag<DeadLetter> deadLetters;
  private final OutputTag<StatementRun> runs;
  private final OutputTag<StatementChanges> changes;
  private final OutputTag<ContentReplacement> replacements;

  private transient LineageAnalyzer analyzer;
  private transient PipelineStore.TaskNames names;
  private transient Counter analyzed;
  private transient Counter failed;
  private transient Counter skipped;
  private transient Counter edgesEmitted;
  private transient Map<WarningKind, Counter> warnings;
  private transient Map<WarningKind, LongCounter> warningsTotal;
  private transient Histogram latency;
  private transient LongCounter analyzedTotal;
  private transient LongCounter failedTotal;
  private transient LongCounter skippedTotal;
  private transient LongCounter edgesEmittedTotal;
  private transient Counter discovered;
  private transient LongCounter discoveredTotal;
  private transient long discoveredReported;

  /**
   * @param runs where each statement that writes a table goes as an OpenLineage run, or null
   * @param changes where each statement's table changes (DDL) go, at its first execution's time
   * @param replacements where a statement that replaces a table's whole contents goes
   */
  AnalyzeStatements(
      PipelineOptions options,
      PipelineStore store,
      OutputTag<DeadLetter> deadLetters,
      OutputTag<StatementRun> runs,
      OutputTag<StatementChanges> changes,
      OutputTag<ContentReplacement> replacements) {
    this.options = options;
    this.store = store;
    this.deadLetters = deadLetters;
    this.runs = runs;
    this.changes = changes;
    this.replacements = replacements;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    JobJdbcDrivers.deregisterWithTheJob(
        getRuntimeContext()::registerUserCodeClassLoaderReleaseHookIfAbsent);
    analyzer = new LineageAnalyzer(options.limits());
    names = store.openNames(options.registerDiscovered(), options.catalogMaxAge());
    var metrics = getRuntimeContext().getMetricGroup();
    analyzed = metrics.counter(PipelineMetrics.ANALYZED);
    failed = metrics.counter(PipelineMetrics.FAILED);
    skipped = metrics.counter(PipelineMetrics.STATEMENTS_SKIPPED);
    edgesEmitted = metrics.counter(PipelineMetrics.EDGES_EMITTED);
    warnings = new EnumMap<>(WarningKind.class);
    warningsTotal = new EnumMap<>(WarningKind.class);
    for (WarningKind kind : WarningKind.values()) {
      warningsTotal.put(
          kind, Accumulators.counter(getRuntimeContext(), PipelineMetrics.warnings(kind)));
      warnings.put(
          kind,
          metrics
              .addGroup(PipelineMetrics.WARNING_KIND, kind.name().toLowerCase(Locale.ROOT))
              .counter(PipelineMetrics.WARNINGS));
    }
    latency =
        metrics.histogram(
            PipelineMetrics.ANALYSIS_LATENCY, new DescriptiveStatisticsHistogram(1_000));
    analyzedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.ANALYZED);
    failedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.FAILED);
    skippedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.STATEMENTS_SKIPPED);
    edgesEmittedTotal = Accumulators.counter(getRuntimeContext(), PipelineMetrics.EDGES_EMITTED);
    discovered = metrics.counter(PipelineMetrics.RESOURCES_DISCOVERED);
    discoveredTotal =
        Accumulators.counter(getRuntimeContext(), PipelineMetrics.RESOURCES_DISCOVERED);
  }

  @Override
  public void processElement(FingerprintedQuery query, Context ctx, Collector<ResolvedEdge> out)
      throws Exception {
    var record = query.record();
    long started = System.nanoTime();
    Dialect dialect;
    List<StatementLineage> statements;
    try {
      dialect = Dialects.byName(query.dialect());
      AnalysisRequest request =
          new AnalysisRequest(
              record.sql(), dialect, record.database(), record.schema(), names.catalog(dialect));
      // A script is one session: its own temporary tables are stitched through. Its lineage
      // depends on its text and defaults only, so deduplicating it by fingerprint stays exact.
      statements = analyzer.analyze(request, new SessionStitcher(TemporaryTableRule.defaults()));
    } catch (RuntimeException | StackOverflowError e) {
      // The analyzer promises not to throw; if it does anyway, the statement is the one to blame.
      latency.update((System.nanoTime() - started) / 1_000);
      deadLetter(ctx, query, DeadLetterReason.INTERNAL, String.valueOf(e));
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
            DeadLetterReason.of(error.get().kind()),
            describe(error.get(), statements.size() > 1 ? statement : null));
        continue;
      }
      for (var warning : statement.warnings()) {
        warnings.get(warning.kind()).inc();
        warningsTotal.get(warning.kind()).add(1);
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
      if (!statement.changes().isEmpty()) {
        ctx.output(
            changes,
            new StatementChanges(
                statement.kind(),
                query.fingerprint(),
                query.firstSeenMillis(),
                statement.changes()));
      }
      LineageEdges.Resolved resolved = names.resolve(statement, dialect);
      if (REPLACES_CONTENTS.contains(statement.kind())) {
        resolved.edges().stream()
            .filter(edge -> !edge.column())
            .findFirst()
            .ifPresent(
                edge ->
                    ctx.output(
                        replacements,
                        new ContentReplacement(
                            ResourceId.of(edge.target()),
                            query.firstSeenMillis(),
                            RetirementReason.REPLACED)));
      }
      for (LineageEdges.Edge edge : resolved.edges()) {
        out.collect(
            new ResolvedEdge(
                ResourceId.of(edge.source()),
                ResourceId.of(edge.target()),
                edge.column(),
                query.fingerprint(),
                query.firstSeenMillis(),
                query.lastSeenMillis(),
                edge.kind()));
        edges++;
      }
    }
    long nowDiscovered = names.discovered();
    if (nowDiscovered > discoveredReported) {
      discovered.inc(nowDiscovered - discoveredReported);
      discoveredTotal.add(nowDiscovered - discoveredReported);
      discoveredReported = nowDiscovered;
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
    // The names hold this task's share of the TaskManager's store connections.
    if (names != null) {
      names.close();
    }
  }

  private void deadLetter(
      Context ctx, FingerprintedQuery query, DeadLetterReason reason, String message) {
    ctx.output(
        deadLetters,
        DeadLetter.of(
            query.record().queryId(),
            query.fingerprint(),
            query.dialect(),
            query.record().sql(),
            reason,
            message,
            Instant.now()));
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
