package io.tributary.sql.parse.bench;

import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.parse.ParseResult;
import io.tributary.sql.parse.ScriptSplitter;
import io.tributary.sql.parse.ScriptStatement;
import io.tributary.sql.parse.StatementParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.StringProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Statements per second for bounded parsing on the calling thread ({@link StatementParser}) against
 * {@code CCJSqlParserUtil.parse} (a thread hand-off per statement) and an unbounded direct parse,
 * plus the fingerprint. Run on demand:
 *
 * <pre>
 * java -cp sql/target/test-classes:sql/target/classes:$(deps) org.openjdk.jmh.Main ParseBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

  private static final long TIMEOUT = Duration.ofSeconds(10).toNanos();

  private List<ScriptStatement> statements;
  private StatementParser parser;

  @Setup
  public void setUp() {
    // CCJSqlParserUtil logs at INFO on every parse; keep the comparison about parsing
    Logger.getLogger(CCJSqlParserUtil.class.getName()).setLevel(Level.WARNING);
    ScriptSplitter splitter = new ScriptSplitter(Dialects.ANSI);
    statements = StatementMix.STATEMENTS.stream().map(s -> splitter.split(s).get(0)).toList();
    parser = new StatementParser(Dialects.ANSI);
    for (ScriptStatement s : statements) {
      if (!(parser.parse(s, TIMEOUT) instanceof ParseResult.Parsed)) {
        throw new IllegalStateException("does not parse: " + s.sql());
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(StatementMix.SIZE)
  public void boundedDirect(Blackhole bh) {
    for (ScriptStatement s : statements) {
      bh.consume(parser.parse(s, TIMEOUT));
    }
  }

  @Benchmark
  @OperationsPerInvocation(StatementMix.SIZE)
  public void unboundedDirect(Blackhole bh) throws Exception {
    for (ScriptStatement s : statements) {
      bh.consume(
          new CCJSqlParser(new StringProvider(s.sql())).withAllowComplexParsing(false).Statement());
    }
  }

  @Benchmark
  @OperationsPerInvocation(StatementMix.SIZE)
  public void ccjSqlParserUtil(Blackhole bh) throws Exception {
    for (ScriptStatement s : statements) {
      bh.consume(CCJSqlParserUtil.parse(s.sql()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(StatementMix.SIZE)
  public void fingerprint(Blackhole bh) {
    for (ScriptStatement s : statements) {
      bh.consume(QueryFingerprint.of(s.sql(), Dialects.ANSI));
    }
  }
}
