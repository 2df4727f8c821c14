package io.tributary.sql.lineage;

import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.TableNameQualifier;
import io.tributary.sql.model.SessionDefaults;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.parse.Deadline;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Block;
import net.sf.jsqlparser.statement.IfElseStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * The lineage of one parsed statement: picks the extractor for the statement's kind and assembles
 * its sources, target, column pairs, indirect columns and warnings. Statements that carry no
 * lineage are {@link StatementKind#UTILITY}. Thread-safe: all per-statement state lives in the
 * call.
 */
public final class StatementLineageExtractor {

  private final Dialect dialect;
  private final Catalog catalog;

  public StatementLineageExtractor(Dialect dialect, Catalog catalog) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * May throw: {@link UnsupportedLineageException} for a construct with lineage it cannot analyze,
   * {@link Deadline.DeadlineExceededException} once the deadline passes, {@link StackOverflowError}
   * on absurd nesting; the caller turns them into errors.
   */
  public StatementLineage extract(
      int index, String sql, Statement statement, SessionDefaults defaults, Deadline deadline) {
    AnalysisContext context =
        new AnalysisContext(dialect, catalog, new TableNameQualifier(dialect, defaults), deadline);
    Optional<Extraction> extraction = extraction(statement, context);
    if (extraction.isEmpty()) {
      return StatementLineage.utility(index, sql);
    }
    Extraction e = extraction.get();
    return new StatementLineage(
        index,
        sql,
        e.kind(),
        context.sources(),
        e.target(),
        e.pairs().list(),
        context.indirect(e.pairs().sourceColumns()),
        context.warnings(),
        Optional.empty());
  }

  private Optional<Extraction> extraction(Statement statement, AnalysisContext context) {
    if (statement instanceof Select select) {
      Table into = intoTable(select);
      return Optional.of(
          into != null
              ? new SelectIntoExtractor(context).extract(select, into)
              : new SelectExtractor(context).extract(select));
    }
    if (statement instanceof Insert insert) {
      return Optional.of(new InsertExtractor(context).extract(insert));
    }
    if (statement instanceof CreateTable create) {
      return create.getSelect() == null
          ? Optional.empty()
          : Optional.of(new CreateTableAsExtractor(context).extract(create));
    }
    if (statement instanceof CreateView create) {
      return Optional.of(new CreateViewExtractor(context).extract(create));
    }
    if (statement instanceof Merge merge) {
      return Optional.of(new MergeExtractor(context).extract(merge));
    }
    if (statement instanceof Update update) {
      return Optional.of(new UpdateExtractor(context).extract(update));
    }
    if (statement instanceof Delete delete) {
      return Optional.of(new DeleteExtractor(context).extract(delete));
    }
    if (statement instanceof Upsert upsert) {
      return Optional.of(new InsertExtractor(context).extract(upsert));
    }
    if (statement instanceof AlterView alter) {
      return Optional.of(new CreateViewExtractor(context).extract(alter));
    }
    if (statement instanceof IfElseStatement || statement instanceof Block) {
      // Their branches may write tables; one lineage per statement cannot tell which runs.
      throw new UnsupportedLineageException(
          statement.getClass().getSimpleName() + " statements are not analyzed");
    }
    return Optional.empty();
  }

  /** The table of {@code SELECT ... INTO t}, on the query or its first set-operation branch. */
  private static Table intoTable(Select select) {
    Select body = select;
    if (body instanceof SetOperationList setOperation && !setOperation.getSelects().isEmpty()) {
      body = setOperation.getSelect(0);
    }
    if (body instanceof PlainSelect plain) {
      List<Table> into = plain.getIntoTables();
      if (into != null && !into.isEmpty()) {
        return into.get(0);
      }
    }
    return null;
  }
}
