package io.tributary.jobs.pipeline;

import io.tributary.connectors.sink.DeadLetter;
import io.tributary.connectors.source.QueryRecord;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.UnknownDialectException;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.session.SessionStitcher;
import io.tributary.sql.session.SessionWarning;
import io.tributary.sql.session.TemporaryTableRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Puts each session's statements in the warehouse's order and stitches the ones that may touch its
 * temporary tables; keyed by (origin, session id).
 *
 * <p>A statement waits in state until the watermark passes its start time, so statements arriving
 * out of order within the allowed lateness are put back in order (start time, then query id); in
 * batch mode a session's statements are all released, in order, at the end of its input. Then, in
 * order, each statement is judged by {@link SessionStitcher#mayTouchTemporaryTables}:
 *
 * <ul>
 *   <li>a statement that cannot touch a temporary table has the same lineage in every session: it
 *       goes on (main output) to fingerprint dedupe and analysis like any statement;
 *   <li>a statement that may touch one is analyzed here, in its session, every time it runs: its
 *       lineage depends on what the session's temporary tables hold, so its fingerprint alone
 *       cannot say it was analyzed already. Its stitched edges go to {@link #SESSION_EDGES}, its
 *       failures to the dead letters, and it is kept in the session's state.
 * </ul>
 *
 * The session's state is the list of statements kept: the temporary tables are rebuilt from it by
 * analyzing them again in order, which keeps the state plain records (checkpointed as they are) and
 * costs a few analyses per temporary statement of a session. The state expires {@code ttl} after
 * its last write. A read of a temporary table whose creation the session never showed counts in
 * {@link PipelineMetrics#UNRESOLVED_TEMPORARY_TABLES} and is a warning on the statement.
 */
final class StitchSessions
    extends KeyedProcessFunction<Tuple2<String, String>, QueryRecord, QueryRecord> {

  private static final long serialVersionUID = 1L;

  /** The stitched edges of the statements analyzed in their session. */
  static final OutputTag<NamedEdge> SESSION_EDGES =
      new OutputTag<>("session-edges", TypeInformation.of(NamedEdge.class));

  private static final Comparator<QueryRecord> SESSION_ORDER =
      Comparator.comparingLong(QueryRecord::startTimeMillis)
          .thenComparing(QueryRecord::queryId, Comparator.nullsLast(Comparator.naturalOrder()));

  private final PipelineOptions options;
  private final CatalogFactory catalogFactory;
  private final OutputTag<DeadLetter> deadLetters;
  private final List<String> temporaryNames;
  private final Duration ttl;

  private transient ListState<QueryRecord> pending;
  private transient ListState<QueryRecord> kept;
  private transient LineageAnalyzer analyzer;
  private transient Catalog catalog;
  private transient TemporaryTableRule rule;
  private transient Counter inSession;
  private transient Counter unresolved;
  private transient LongCounter unresolvedTotal;

  /**
   * @param temporaryNames patterns of temporary table names (see {@link TemporaryTableRule})
   * @param ttl how long a session is remembered after its last statement; null for the whole run
   */
  StitchSessions(
      PipelineOptions options,
      CatalogFactory catalogFactory,
      OutputTag<DeadLetter> deadLetters,
      List<String> temporaryNames,
      Duration ttl) {
    this.options = options;
    this.catalogFactory = catalogFactory;
    this.deadLetters = deadLetters;
    this.temporaryNames = List.copyOf(temporaryNames);
    this.ttl = ttl;
  }

  /** The key of a record: its origin and session. */
  static Tuple2<String, String> key(QueryRecord record) {
    return Tuple2.of(record.originOrEmpty(), record.session().orElse(""));
  }

  @Override
  public void open(OpenContext context) throws Exception {
    pending = getRuntimeContext().getListState(descriptor("pending"));
    kept = getRuntimeContext().getListState(descriptor("kept"));
    analyzer = new LineageAnalyzer(options.limits());
    catalog = catalogFactory.open();
    rule = TemporaryTableRule.of(temporaryNames);
    inSession = getRuntimeContext().getMetricGroup().counter(PipelineMetrics.STATEMENTS_IN_SESSION);
    unresolved =
        getRuntimeContext().getMetricGroup().counter(PipelineMetrics.UNRESOLVED_TEMPORARY_TABLES);
    unresolvedTotal =
        Accumulators.counter(getRuntimeContext(), PipelineMetrics.UNRESOLVED_TEMPORARY_TABLES);
  }

  private ListStateDescriptor<QueryRecord> descriptor(String name) {
    ListStateDescriptor<QueryRecord> d =
        new ListStateDescriptor<>(name, TypeInformation.of(QueryRecord.class));
    if (ttl != null) {
      d.enableTimeToLive(
          StateTtlConfig.newBuilder(ttl).updateTtlOnCreateAndWrite().neverReturnExpired().build());
    }
    return d;
  }

  @Override
  public void processElement(QueryRecord record, Context ctx, Collector<QueryRecord> out)
      throws Exception {
    pending.add(record);
    ctx.timerService().registerEventTimeTimer(record.startTimeMillis());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<QueryRecord> out)
      throws Exception {
    List<QueryRecord> due = new ArrayList<>();
    List<QueryRecord> later = new ArrayList<>();
    for (QueryRecord r : pending.get()) {
      (r.startTimeMillis() <= timestamp ? due : later).add(r);
    }
    if (due.isEmpty()) {
      return;
    }
    pending.update(later);
    due.sort(SESSION_ORDER);
    SessionStitcher session = replay();
    for (QueryRecord record : due) {
      Dialect dialect;
      try {
        dialect = Dialects.byName(record.dialectName().orElse(options.defaultDialect()));
      } catch (UnknownDialectException e) {
        out.collect(record); // the fingerprint step reports unknown dialects
        continue;
      }
      if (!session.mayTouchTemporaryTables(record.sql(), dialect)) {
        out.collect(record);
        continue;
      }
      kept.add(record);
      inSession.inc();
      stitch(record, dialect, session, ctx);
    }
  }

  /** The session's temporary tables as its kept statements left them. */
  private SessionStitcher replay() throws Exception {
    SessionStitcher session = new SessionStitcher(rule);
    for (QueryRecord record : kept.get()) {
      try {
        analyzer.analyze(
            request(record, Dialects.byName(record.dialectName().orElse(options.defaultDialect()))),
            session);
      } catch (UnknownDialectException e) {
        // never kept: its dialect was checked before
      }
    }
    return session;
  }

  private void stitch(
      QueryRecord record, Dialect dialect, SessionStitcher session, OnTimerContext ctx) {
    int warningsBefore = session.warnings().size();
    List<StatementLineage> statements = analyzer.analyze(request(record, dialect), session);
    List<SessionWarning> warnings = session.warnings();
    unresolved.inc(warnings.size() - warningsBefore);
    unresolvedTotal.add(warnings.size() - warningsBefore);
    String fingerprint = Fingerprinting.fingerprint(record.sql(), dialect);
    for (StatementLineage statement : statements) {
      if (statement.error().isPresent()) {
        ctx.output(
            deadLetters,
            new DeadLetter(
                record.queryId(),
                fingerprint,
                dialect.name(),
                record.sql(),
                statement.error().get().kind().name(),
                AnalyzeStatements.describe(
                    statement.error().get(), statements.size() > 1 ? statement : null),
                System.currentTimeMillis()));
        continue;
      }
      for (NamedEdge edge :
          StatementEdges.of(
              statement, fingerprint, record.startTimeMillis(), record.startTimeMillis())) {
        ctx.output(SESSION_EDGES, edge);
      }
    }
  }

  private AnalysisRequest request(QueryRecord record, Dialect dialect) {
    return new AnalysisRequest(record.sql(), dialect, record.database(), record.schema(), catalog);
  }

  @Override
  public void close() throws Exception {
    if (catalog instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
