package io.tributary.jobs.table;

import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.Catalog;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import java.util.Optional;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code LINEAGE(sql, dialect, default_database, default_schema)}: the column lineage of a SQL
 * text, one row per column pair, for Flink SQL users.
 *
 * <pre>{@code
 * tableEnv.createTemporarySystemFunction("LINEAGE", LineageFunction.class);
 * SELECT q.id, l.* FROM queries AS q,
 *   LATERAL TABLE(LINEAGE(q.sql_text, 'snowflake', 'PROD', 'PUBLIC')) AS l
 * }</pre>
 *
 * A statement without column lineage, or one that cannot be analyzed, gives no rows; an unknown
 * dialect is an error of the call. A plain SELECT's targets have no table: the target columns are
 * its output columns and the target table fields are null.
 */
@FunctionHint(
    output =
        @DataTypeHint(
            "ROW<statement_index INT, statement_kind STRING,"
                + " source_database STRING, source_schema STRING, source_table STRING,"
                + " source_column STRING,"
                + " target_database STRING, target_schema STRING, target_table STRING,"
                + " target_column STRING, kind STRING>"))
public class LineageFunction extends TableFunction<Row> {

  private static final long serialVersionUID = 1L;

  private transient LineageAnalyzer analyzer;

  @Override
  public void open(FunctionContext context) {
    analyzer = new LineageAnalyzer();
  }

  public void eval(String sql, String dialect, String defaultDatabase, String defaultSchema) {
    if (sql == null || sql.isBlank()) {
      return;
    }
    if (analyzer == null) {
      analyzer = new LineageAnalyzer();
    }
    AnalysisRequest request =
        new AnalysisRequest(
            sql,
            Dialects.byName(dialect == null ? "ansi" : dialect),
            Optional.ofNullable(defaultDatabase),
            Optional.ofNullable(defaultSchema),
            Catalog.empty());
    for (StatementLineage statement : analyzer.analyze(request)) {
      for (ColumnLineage pair : statement.columns()) {
        collect(row(statement, pair));
      }
    }
  }

  /** {@code LINEAGE(sql, dialect)}: no session defaults. */
  public void eval(String sql, String dialect) {
    eval(sql, dialect, null, null);
  }

  private static Row row(StatementLineage statement, ColumnLineage pair) {
    ColumnName from = pair.from();
    ColumnName to = pair.to();
    return Row.of(
        statement.index(),
        statement.kind().name().toLowerCase(java.util.Locale.ROOT),
        from.table().flatMap(TableName::database).orElse(null),
        from.table().flatMap(TableName::schema).orElse(null),
        from.table().map(TableName::name).orElse(null),
        from.name(),
        to.table().flatMap(TableName::database).orElse(null),
        to.table().flatMap(TableName::schema).orElse(null),
        to.table().map(TableName::name).orElse(null),
        to.name(),
        pair.kind().jsonName());
  }
}
