package io.tributary.sql.lineage;

import io.tributary.sql.resolve.DerivedSource;
import io.tributary.sql.resolve.QueryOutput;
import io.tributary.sql.resolve.Scope;
import io.tributary.sql.resolve.ScopeKind;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * What an INSERT does to the row it collides with: {@code ON CONFLICT (...) DO UPDATE SET ... WHERE
 * ...} (PostgreSQL, SQLite, DuckDB) and MySQL's {@code ON DUPLICATE KEY UPDATE}. Assignments are
 * read like an UPDATE's, in a scope where the target's columns come first and {@code EXCLUDED.c},
 * {@code VALUES(c)} or the row alias's {@code new.c} are the value inserted into c. The conflict
 * target and the WHERE condition are indirect.
 */
final class ConflictUpdate {

  private static final String EXCLUDED = "excluded";

  private final AnalysisContext context;
  private final QueryAnalyzer queries;

  ConflictUpdate(AnalysisContext context, QueryAnalyzer queries) {
    this.context = context;
    this.queries = queries;
  }

  /**
   * Adds the action's lineage. {@code written} is the inserted row named by the target's columns;
   * {@code insertScope} holds the tables the inserted query reads, which MySQL lets the action
   * name.
   */
  void apply(
      Insert insert,
      TargetTable target,
      QueryOutput written,
      Scope insertScope,
      LineagePairs pairs) {
    InsertConflictAction conflict = insert.getConflictAction();
    if (conflict != null) {
      // PostgreSQL's action sees only the target and EXCLUDED.
      Scope rows = new Scope(ScopeKind.CONFLICT_ACTION, null, context.dialect);
      insertedRow(EXCLUDED, written, insertScope, rows);
      Scope scope = targetFirst(rows, target);
      conflictTarget(insert.getConflictTarget(), scope);
      if (conflict.getConflictActionType() == ConflictActionType.DO_UPDATE) {
        assign(conflict.getUpdateSets(), target, scope, pairs);
        queries.indirect(conflict.getWhereExpression(), scope);
      }
    } else if (insert.getDuplicateUpdateSets() != null) {
      Scope rows = insertScope.child(ScopeKind.CONFLICT_ACTION);
      Alias alias = rowAlias(insert);
      QueryOutput row = written.renamed(aliasColumns(alias));
      String name = alias == null ? null : context.dialect.normalize(alias.getName());
      insertedRow(name, row, insertScope, rows);
      Scope scope = targetFirst(rows, target);
      assign(insert.getDuplicateUpdateSets(), target, scope, pairs);
    }
  }

  /** The inserted row under its alias, if it has one, and as what {@code VALUES(c)} reads. */
  private void insertedRow(String alias, QueryOutput row, Scope insertScope, Scope rows) {
    DerivedSource source = new DerivedSource(alias, insertScope, row, context.dialect);
    if (alias != null) {
      rows.add(source);
    }
    rows.insertedRow(source);
  }

  /** The target in a scope of its own, so that an unqualified name is the target's first. */
  private static Scope targetFirst(Scope rows, TargetTable target) {
    Scope scope = rows.child(ScopeKind.CONFLICT_ACTION);
    scope.add(target.source());
    scope.prefer(target.source());
    return scope;
  }

  private void conflictTarget(InsertConflictTarget conflictTarget, Scope scope) {
    if (conflictTarget == null) {
      return;
    }
    if (conflictTarget.getIndexColumnNames() != null) {
      for (String name : conflictTarget.getIndexColumnNames()) {
        context.indirect(context.columns.resolve(scope, new Column(name)));
      }
    }
    queries.indirect(conflictTarget.getIndexExpression(), scope);
    queries.indirect(conflictTarget.getWhereExpression(), scope);
  }

  private void assign(List<UpdateSet> sets, TargetTable target, Scope scope, LineagePairs pairs) {
    if (sets == null) {
      return;
    }
    for (UpdateSet set : sets) {
      context.deadline.check();
      UpdateAssignments.apply(set, target, scope, queries, pairs, context);
    }
  }

  /** MySQL's {@code VALUES (...) AS new [(a, b)]} (or {@code SET ... AS new}). */
  private static Alias rowAlias(Insert insert) {
    if (insert.getRowAlias() != null) {
      return insert.getRowAlias();
    }
    Select select = insert.getSelect();
    return select instanceof Values ? select.getAlias() : null;
  }

  private List<String> aliasColumns(Alias alias) {
    if (alias == null || alias.getAliasColumns() == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>(alias.getAliasColumns().size());
    for (Alias.AliasColumn c : alias.getAliasColumns()) {
      names.add(context.dialect.normalize(c.name));
    }
    return names;
  }
}
