package io.tributary.sql.bench;

import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.golden.GoldenFixtures;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.StatementLineage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.StringProvider;
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
 * What a statement that cannot be analyzed costs, against what JSqlParser alone spends failing on
 * it, in microseconds per statement. Two workloads built from the TPC-H and TPC-DS queries: {@code
 * truncated}, each query cut at 60% of its length where that leaves a parenthesis, string or
 * comment open (as a query history's column limit cuts it); {@code broken}, each query with its
 * first {@code FROM} misspelled, balanced text the parser rejects in mid-statement.
 *
 * <pre>
 * mvn -B -pl sql -Pbench -DskipTests test -Djmh.args="FailurePathBenchmark"
 * </pre>
 *
 * or, with the test classes built, {@code java -cp target/test-classes:target/classes:<the test
 * classpath> org.openjdk.jmh.Main FailurePathBenchmark} from {@code sql/}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FailurePathBenchmark {

  @Param({"truncated", "broken"})
  public String workload;

  private final Dialect dialect = Dialects.ANSI;
  private List<String> statements;
  private List<AnalysisRequest> requests;
  private LineageAnalyzer analyzer;
  private int next;

  @Setup
  public void setUp() {
    analyzer = new LineageAnalyzer();
    ErrorKind expected = workload.equals("truncated") ? ErrorKind.TRUNCATED : ErrorKind.PARSE_ERROR;
    statements = new ArrayList<>();
    requests = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    for (String folder : List.of("tpch", "tpcds")) {
      GoldenFixtures.files(folder, ".sql").stream().map(GoldenFixtures::read).forEach(queries::add);
    }
    for (String query : queries) {
      String sql =
          workload.equals("truncated")
              ? query.strip().substring(0, query.strip().length() * 6 / 10)
              : query.replaceFirst("(?i)\\bFROM\\b", "FORM");
      AnalysisRequest request = AnalysisRequest.of(sql, dialect);
      List<StatementLineage> result = analyzer.analyze(request);
      if (result.size() == 1
          && result.get(0).error().map(e -> e.kind() == expected).orElse(false)) {
        statements.add(sql);
        requests.add(request);
      }
    }
    if (statements.isEmpty()) {
      throw new IllegalStateException("no " + workload + " statements");
    }
    System.out.println(workload + ": " + statements.size() + " statements");
  }

  @Benchmark
  public Object parseOnly() {
    String sql = statements.get(next);
    next = (next + 1) % statements.size();
    try {
      return new CCJSqlParser(new StringProvider(sql)).Statements();
    } catch (Exception e) {
      return e;
    }
  }

  @Benchmark
  public List<StatementLineage> fullAnalysis() {
    AnalysisRequest request = requests.get(next);
    next = (next + 1) % requests.size();
    return analyzer.analyze(request);
  }
}
