package io.tributary.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.catalog.CatalogColumn;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.golden.FixtureCatalog;
import io.tributary.sql.golden.GoldenFixtures;
import io.tributary.sql.golden.GoldenFormat;
import io.tributary.sql.model.ColumnLineage;
import io.tributary.sql.model.StatementKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import io.tributary.sql.parse.ParseResult;
import io.tributary.sql.parse.StatementParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 22 TPC-H and 99 TPC-DS queries (in their standard form with concrete parameters) against
 * their schemas: each analyzes without error into one SELECT, every pair starts at a real column of
 * the schema, no {@code *} is left unexpanded, and every output column that reads a column has a
 * source pair (only literal or {@code COUNT(*)}-style columns may have none).
 */
class TpcQueriesTest {

  private static final LineageAnalyzer ANALYZER = new LineageAnalyzer();
  private static final Dialect ANSI = Dialects.byName("ansi");

  /** Words in a printed select item that are SQL syntax, not column names. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "case",
          "when",
          "then",
          "else",
          "end",
          "and",
          "or",
          "not",
          "null",
          "is",
          "in",
          "between",
          "distinct",
          "as",
          "cast",
          "decimal",
          "int",
          "integer",
          "date",
          "interval",
          "day",
          "year",
          "month",
          "asc",
          "desc",
          "over",
          "partition",
          "by",
          "order",
          "rows",
          "unbounded",
          "preceding",
          "current",
          "row",
          "following",
          "like",
          "true",
          "false");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @org.junit.jupiter.api.Test
  void literalOnlyItemsAreRecognized() {
    assertThat(readsColumns("count(*)")).isFalse();
    assertThat(readsColumns("'store channel'")).isFalse();
    assertThat(readsColumns("cast(0 AS DECIMAL(7, 2))")).isFalse();
    assertThat(readsColumns("100.00 * 2")).isFalse();
    assertThat(readsColumns("sum(l_quantity)")).isTrue();
    assertThat(readsColumns("CASE WHEN a > 0 THEN 1 ELSE 0 END")).isTrue();
    assertThat(readsColumns("concat('store', s_store_id)")).isTrue();
  }

  @TestFactory
  Stream<DynamicNode> tpcQueries() {
    return Stream.of("tpch", "tpcds").map(this::suite);
  }

  private DynamicNode suite(String folder) {
    List<CatalogTable> schema = schema(folder);
    FixtureCatalog catalog = new FixtureCatalog(schema, true);
    Map<String, Set<String>> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (CatalogTable t : schema) {
      columns.put(
          t.name().qualified(),
          t.columns().stream()
              .map(CatalogColumn::name)
              .map(n -> n.toLowerCase(Locale.ROOT))
              .collect(Collectors.toSet()));
    }
    Map<String, Set<String>> sourceless = sourceless(folder);
    List<Path> queries = GoldenFixtures.files(folder, ".sql");
    assertThat(queries).as(folder + " query files").hasSizeGreaterThanOrEqualTo(22);
    return DynamicContainer.dynamicContainer(
        folder,
        queries.stream()
            .map(
                q ->
                    DynamicTest.dynamicTest(
                        q.getFileName().toString(),
                        () ->
                            check(
                                GoldenFixtures.read(q),
                                catalog,
                                columns,
                                sourceless.getOrDefault(q.getFileName().toString(), Set.of())))));
  }

  private static void check(
      String sql,
      FixtureCatalog catalog,
      Map<String, Set<String>> columns,
      Set<String> knownSourceless)
      throws Exception {
    List<StatementLineage> result =
        ANALYZER.analyze(AnalysisRequest.of(sql, ANSI).withCatalog(catalog));

    assertThat(result).hasSize(1);
    StatementLineage s = result.get(0);
    assertThat(s.error()).as("error").isEmpty();
    assertThat(s.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(s.sources()).as("sources").isNotEmpty();
    assertThat(s.sources())
        .as("every source is a table of the schema")
        .allSatisfy(t -> assertThat(columns).containsKey(t.qualified()));
    assertThat(s.warnings()).as("warnings with a catalog that knows every table").isEmpty();

    List<String> offenders = new ArrayList<>();
    for (ColumnLineage pair : s.columns()) {
      if (pair.from().name().equals("*") || pair.to().name().equals("*")) {
        offenders.add("star pair " + pair);
        continue;
      }
      String table = pair.from().table().map(TableName::qualified).orElse("?");
      Set<String> known = columns.get(table);
      if (known == null || !known.contains(pair.from().name().toLowerCase(Locale.ROOT))) {
        offenders.add("pair from a column the schema does not have: " + pair);
      }
    }
    Set<String> targets =
        s.columns().stream()
            .map(c -> c.to().name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    for (SelectItem<?> item : outputItems(sql)) {
      if (item.getExpression() instanceof AllColumns) {
        continue; // expanded from derived tables; checked above for stars and unknown columns
      }
      String name = outputName(item);
      boolean listed = knownSourceless.contains(name);
      if (listed && targets.contains(name)) {
        offenders.add("listed as without sources but has some: " + name);
      } else if (!listed
          && readsColumns(item.getExpression().toString())
          && !targets.contains(name)) {
        offenders.add("output column without a source: " + name);
      }
    }
    assertThat(offenders).as("offenders in\n" + sql + "\nlineage: " + s.columns()).isEmpty();
  }

  /** The top-level select items, from the first branch of a set operation. */
  private static List<SelectItem<?>> outputItems(String sql) throws Exception {
    ParseResult parsed = new StatementParser(ANSI).parse(sql, 0, Long.MAX_VALUE / 2);
    Select select = (Select) ((ParseResult.Parsed) parsed).statement();
    while (!(select instanceof PlainSelect)) {
      if (select instanceof SetOperationList set) {
        select = set.getSelects().get(0);
      } else if (select instanceof ParenthesedSelect p) {
        select = p.getSelect();
      } else {
        throw new IllegalStateException("unexpected select " + select.getClass());
      }
    }
    return ((PlainSelect) select).getSelectItems();
  }

  private static String outputName(SelectItem<?> item) {
    Alias alias = item.getAlias();
    Expression expression = item.getExpression();
    while (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      expression = list.get(0); // SELECT DISTINCT (x) is named x
    }
    String name;
    if (alias != null) {
      name = alias.getName();
    } else if (expression instanceof Column c) {
      name = c.getColumnName();
    } else {
      name = item.getExpression().toString();
    }
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /** Whether a printed expression mentions any column (anything but literals and COUNT(*)). */
  static boolean readsColumns(String printed) {
    String text =
        printed.replaceAll("'[^']*'", "''").replaceAll("(?i)count\\s*\\(\\s*\\*\\s*\\)", "0");
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      String word = m.group();
      int next = m.end();
      while (next < text.length() && text.charAt(next) == ' ') {
        next++;
      }
      boolean function = next < text.length() && text.charAt(next) == '(';
      if (!function && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Per query file, the output columns listed in {@code sourceless.txt} (literals, COUNT(*)). */
  private static Map<String, Set<String>> sourceless(String folder) {
    Map<String, Set<String>> byFile = new TreeMap<>();
    String text = GoldenFixtures.read(GoldenFixtures.files(folder, "sourceless.txt").get(0));
    for (String line : text.split("\n")) {
      String entry = line.replaceAll("#.*", "").strip();
      if (!entry.isEmpty()) {
        String[] parts = entry.split("\\s+", 2);
        byFile
            .computeIfAbsent(parts[0], f -> new java.util.HashSet<>())
            .add(parts[1].toLowerCase(Locale.ROOT));
      }
    }
    return byFile;
  }

  private static List<CatalogTable> schema(String folder) {
    String text = GoldenFixtures.read(GoldenFixtures.files(folder, "schema.txt").get(0));
    List<CatalogTable> tables = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        tables.addAll(GoldenFormat.parseCatalog(line));
      }
    }
    return tables;
  }
}
