package io.tributary.sql;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.TableNameQualifier;
import io.tributary.sql.lineage.DdlLineage;
import io.tributary.sql.lineage.StatementLineageExtractor;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.Warning;
import io.tributary.sql.parse.BlockWalker;
import io.tributary.sql.parse.DdlRecognizer;
import io.tributary.sql.parse.Deadline;
import io.tributary.sql.parse.HistoryTextLimits;
import io.tributary.sql.parse.ParseResult;
import io.tributary.sql.parse.ScriptSplitter;
import io.tributary.sql.parse.ScriptStatement;
import io.tributary.sql.parse.StatementExpander;
import io.tributary.sql.parse.StatementExtractor;
import io.tributary.sql.parse.StatementParser;
import io.tributary.sql.parse.UtilityRecognizer;
import io.tributary.sql.parse.UtilityStatement;
import io.tributary.sql.session.SessionStitcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The analyzer's entry point: SQL text in, one {@link StatementLineage} per statement out. It never
 * throws for bad input: a statement that cannot be analyzed comes back with an {@link
 * AnalysisError}. Thread-safe; one instance can serve every task of a job.
 *
 * <p>Split the script and walk its procedures and blocks into their statements; then per statement:
 * refuse it when too large or cut (found by the lexer, before parsing) → read DDL on tables →
 * recognize utility statements (which may change the defaults of the statements after them) → parse
 * within the timeout → extract lineage within the same deadline.
 */
public final class LineageAnalyzer {

  private final AnalyzerLimits limits;
  private final BiFunction<Dialect, Catalog, StatementExtractor> extractors;

  public LineageAnalyzer(AnalyzerLimits limits) {
    this(limits, (dialect, catalog) -> new StatementLineageExtractor(dialect, catalog)::extract);
  }

  public LineageAnalyzer() {
    this(AnalyzerLimits.defaults());
  }

  /** With another lineage step, for tests of the steps around it. */
  LineageAnalyzer(
      AnalyzerLimits limits, BiFunction<Dialect, Catalog, StatementExtractor> extractors) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.extractors = Objects.requireNonNull(extractors, "extractors");
  }

  public AnalyzerLimits limits() {
    return limits;
  }

  /**
   * Analyzes every statement of the request's SQL, in order. A text without statements (blank, only
   * comments) gives an empty list.
   */
  public List<StatementLineage> analyze(AnalysisRequest request) {
    return analyze(request, UnaryOperator.identity());
  }

  /**
   * Analyzes the script as one session: its temporary tables are stitched through (see {@link
   * SessionStitcher}), and each statement is analyzed knowing the columns the session's temporary
   * tables have at that point.
   */
  public List<StatementLineage> analyze(AnalysisRequest request, SessionStitcher session) {
    return analyze(
        request.withCatalog(session.catalog().orElse(request.catalog())),
        s -> session.next(s).lineage());
  }

  private List<StatementLineage> analyze(
      AnalysisRequest request, UnaryOperator<StatementLineage> after) {
    try {
      return new Run(request, after).analyze();
    } catch (Exception | StackOverflowError e) {
      // Splitting or setting up failed: report it on the whole text rather than throw.
      return List.of(StatementLineage.failed(0, request.sql(), internal(e)));
    }
  }

  private final class Run {
    private final Dialect dialect;
    private final String script;
    private final List<ScriptStatement> statements;
    private final DdlRecognizer ddl;
    private final UtilityRecognizer utilities;
    private final Catalog catalog;
    private final StatementParser parser;
    private final StatementExtractor extractor;
    private final UnaryOperator<StatementLineage> after;
    private SessionDefaults defaults;

    Run(AnalysisRequest request, UnaryOperator<StatementLineage> after) {
      this.after = after;
      this.dialect = request.dialect();
      this.script = request.sql();
      this.statements =
          new StatementExpander(dialect)
              .expand(
                  new BlockWalker(dialect).walk(script, new ScriptSplitter(dialect).split(script)));
      this.ddl = new DdlRecognizer(dialect);
      this.utilities = new UtilityRecognizer(dialect);
      this.catalog = request.catalog();
      this.parser = new StatementParser(dialect);
      this.extractor = extractors.apply(dialect, request.catalog());
      this.defaults =
          new SessionDefaults(
              request.defaultDatabase().map(dialect::normalize),
              request.defaultSchema().map(dialect::normalize));
    }

    List<StatementLineage> analyze() {
      List<StatementLineage> results = new ArrayList<>(statements.size());
      for (ScriptStatement statement : statements) {
        results.add(after.apply(analyze(statement)));
      }
      return results;
    }

    private StatementLineage analyze(ScriptStatement statement) {
      int index = statement.index();
      String sql = statement.sql();
      if (sql.length() > limits.maxStatementChars()) {
        return StatementLineage.failed(
            index,
            sql,
            AnalysisError.of(
                ErrorKind.TOO_LARGE,
                "statement has "
                    + sql.length()
                    + " characters; the limit is "
                    + limits.maxStatementChars()));
      }
      if (statement.knownError().isPresent()) {
        return StatementLineage.failed(
            index, sql, statement.inScript(statement.knownError().get()));
      }
      if (statement.role() == ScriptStatement.Role.PROCEDURAL) {
        return StatementLineage.utility(index, sql);
      }
      try {
        DdlRecognizer.Recognition recognition =
            ddl.recognize(statement.parseText(), new TableNameQualifier(dialect, defaults));
        if (recognition instanceof DdlRecognizer.Recognition.Ddl read) {
          return DdlLineage.of(index, sql, read.statement(), catalog);
        }
        if (recognition instanceof DdlRecognizer.Recognition.Malformed malformed) {
          return StatementLineage.failed(index, sql, statement.inScript(malformed.error()));
        }
        Optional<UtilityStatement> utility = utilities.recognize(statement.parseText());
        if (utility.isPresent()) {
          defaults = utility.get().apply(defaults);
          return StatementLineage.utility(index, sql);
        }
        Deadline deadline = Deadline.after(limits.timeout());
        ParseResult parsed = parser.parse(statement, limits.timeout().toNanos());
        if (parsed instanceof ParseResult.Failed failed) {
          return StatementLineage.failed(
              index, sql, statement.inScript(cutOrNot(statement, failed)));
        }
        deadline.check();
        StatementLineage lineage =
            extractor.extract(
                index, sql, ((ParseResult.Parsed) parsed).statement(), defaults, deadline);
        return lineage != null
            ? DdlLineage.withCreation(
                withWarnings(lineage, statement.warnings()), () -> ddl.createsTemporary(sql))
            : StatementLineage.failed(
                index, sql, AnalysisError.of(ErrorKind.INTERNAL, "no lineage was produced"));
      } catch (Deadline.DeadlineExceededException e) {
        return StatementLineage.failed(
            index,
            sql,
            AnalysisError.of(
                ErrorKind.TIMEOUT,
                "analysis took longer than " + limits.timeout().toMillis() + " ms"));
      } catch (StackOverflowError e) {
        return StatementLineage.failed(
            index,
            sql,
            AnalysisError.of(
                ErrorKind.TOO_DEEP,
                "statement is nested too deeply: the analysis ran out of stack"));
      } catch (UnsupportedOperationException e) {
        return StatementLineage.failed(
            index, sql, AnalysisError.of(ErrorKind.UNSUPPORTED, String.valueOf(e.getMessage())));
      } catch (Exception e) {
        return StatementLineage.failed(index, sql, internal(e));
      }
    }

    /**
     * A syntax error in the last statement of a text stopped at its history's limit: it was cut.
     */
    private AnalysisError cutOrNot(ScriptStatement statement, ParseResult.Failed failed) {
      AnalysisError error = failed.error();
      boolean last =
          statement.offset() + statement.sql().length() == script.stripTrailing().length();
      if (error.kind() != ErrorKind.PARSE_ERROR
          || !last
          || !HistoryTextLimits.atLimit(dialect, script)) {
        return error;
      }
      return new AnalysisError(
          ErrorKind.TRUNCATED,
          "statement is incomplete, its text probably cut: the text stops at "
              + HistoryTextLimits.limit(dialect)
              + " characters, the length at which the query history cuts statements ("
              + error.message()
              + ")",
          error.line(),
          error.column());
    }
  }

  /**
   * The lineage with the warnings found before parsing: they say where the rows come from (a
   * procedure, files), so they replace the warnings about the placeholder query that stands for
   * those rows.
   */
  private static StatementLineage withWarnings(StatementLineage lineage, List<Warning> warnings) {
    if (warnings.isEmpty()) {
      return lineage;
    }
    return new StatementLineage(
        lineage.index(),
        lineage.sql(),
        lineage.kind(),
        lineage.sources(),
        lineage.target(),
        lineage.columns(),
        lineage.indirect(),
        warnings,
        lineage.error(),
        lineage.changes());
  }

  private static AnalysisError internal(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length > 0 ? " at " + trace[0] : "";
    return AnalysisError.of(ErrorKind.INTERNAL, e + where);
  }
}
