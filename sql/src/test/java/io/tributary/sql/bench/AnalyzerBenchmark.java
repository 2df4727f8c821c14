package io.tributary.sql.bench;

import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.golden.FixtureCatalog;
import io.tributary.sql.golden.GoldenFixtures;
import io.tributary.sql.golden.GoldenFormat;
import io.tributary.sql.model.StatementLineage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.Statements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Statements per second, parse only (JSqlParser called directly) against the full analysis (split,
 * utility check, bounded parse, names, scopes, lineage), on the TPC-H and TPC-DS queries and on a
 * synthetic ETL mix; both run on the statements JSqlParser reads as written. Each invocation
 * handles the next statement of the workload, so the score is statements per second; compare {@code
 * fullAnalysis} with {@code parseOnly} of the same workload.
 *
 * <p>Not part of the test run (it is no {@code *Test}); run it on demand from the repository root:
 *
 * <pre>
 * mvn -B -pl sql -Pbench -DskipTests test
 * mvn -B -pl sql -Pbench -DskipTests test -Djmh.args="AnalyzerBenchmark -p workload=tpch -f 1"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AnalyzerBenchmark {

  @Param({"tpch", "tpcds", "etl"})
  public String workload;

  private List<String> statements;
  private List<AnalysisRequest> requests;
  private LineageAnalyzer analyzer;
  private int next;

  @Setup
  public void setUp() throws Exception {
    Dialect dialect = Dialects.byName(workload.equals("etl") ? "postgresql" : "ansi");
    List<CatalogTable> schema = workload.equals("etl") ? EtlMix.catalog() : schema(workload);
    FixtureCatalog catalog = new FixtureCatalog(schema, workload.equals("etl") ? false : true);
    analyzer = new LineageAnalyzer();
    statements = new ArrayList<>();
    requests = new ArrayList<>();
    for (String sql : workload.equals("etl") ? EtlMix.statements() : queries(workload)) {
      AnalysisRequest request =
          AnalysisRequest.of(sql, dialect).withDefaults(null, "public").withCatalog(catalog);
      for (StatementLineage s : analyzer.analyze(request)) {
        if (s.failed()) {
          throw new IllegalStateException(s.error().get() + " in " + sql);
        }
      }
      try {
        new CCJSqlParser(new StringProvider(sql)).Statements();
      } catch (ParseException e) {
        continue; // compared on what JSqlParser reads as written (not `AS returns`, say)
      }
      statements.add(sql);
      requests.add(request);
    }
  }

  @Benchmark
  public Statements parseOnly() throws Exception {
    String sql = statements.get(next);
    next = (next + 1) % statements.size();
    return new CCJSqlParser(new StringProvider(sql)).Statements();
  }

  @Benchmark
  public List<StatementLineage> fullAnalysis() {
    AnalysisRequest request = requests.get(next);
    next = (next + 1) % requests.size();
    return analyzer.analyze(request);
  }

  private static List<String> queries(String folder) {
    return GoldenFixtures.files(folder, ".sql").stream().map(GoldenFixtures::read).toList();
  }

  private static List<CatalogTable> schema(String folder) {
    Path file = GoldenFixtures.files(folder, "schema.txt").get(0);
    List<CatalogTable> tables = new ArrayList<>();
    for (String line : GoldenFixtures.read(file).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        tables.addAll(GoldenFormat.parseCatalog(line));
      }
    }
    return tables;
  }
}
