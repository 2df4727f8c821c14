package io.tributary.sql.parse.bench;

import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.parse.ScriptSplitter;
import io.tributary.sql.parse.ScriptStatement;
import io.tributary.sql.parse.StatementParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.StringProvider;

/**
 * Interleaved throughput of the same parsers and the analyzer as {@link ParseBenchmark}, for a
 * shared or busy machine where JMH's one-benchmark-after-another runs drift with the load: every
 * round runs each variant once, and the best of rounds 4 to 15 is reported. Arguments: folders of
 * {@code .sql} files to measure besides the built-in mix (for example the TPC-H and TPC-DS
 * fixtures).
 *
 * <pre>
 * java -cp sql/target/test-classes:sql/target/classes:$(deps) \
 *     io.tributary.sql.parse.bench.ParseThroughput sql/src/test/resources/tpch ...
 * </pre>
 */
public final class ParseThroughput {
  public static void main(String[] a) throws Exception {
    Logger.getLogger(CCJSqlParserUtil.class.getName()).setLevel(Level.WARNING);
    Map<String, List<ScriptStatement>> sets = new LinkedHashMap<>();
    ScriptSplitter sp = new ScriptSplitter(Dialects.ANSI);
    List<ScriptStatement> mix = new ArrayList<>();
    for (String s : StatementMix.STATEMENTS) mix.addAll(sp.split(s));
    sets.put("ETL/TPC-H mix (10)", mix);
    List<ScriptStatement> tpc = new ArrayList<>();
    for (String dir : a)
      try (var files = Files.list(Path.of(dir))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList())
          tpc.addAll(sp.split(Files.readString(p)));
      }
    if (!tpc.isEmpty()) {
      sets.put(String.join(" + ", a) + " (" + tpc.size() + ")", tpc);
    }
    StatementParser parser = new StatementParser(Dialects.ANSI);
    LineageAnalyzer an = new LineageAnalyzer();
    long T = 10_000_000_000L;
    for (var e : sets.entrySet()) {
      List<ScriptStatement> st = e.getValue();
      Map<String, Runnable> m = new LinkedHashMap<>();
      m.put(
          "unbounded direct",
          () -> {
            for (var s : st)
              try {
                new CCJSqlParser(new StringProvider(s.sql()))
                    .withAllowComplexParsing(false)
                    .Statement();
              } catch (Exception x) {
              }
          });
      m.put(
          "bounded direct (StatementParser)",
          () -> {
            for (var s : st) parser.parse(s, T);
          });
      m.put(
          "CCJSqlParserUtil.parse",
          () -> {
            for (var s : st)
              try {
                CCJSqlParserUtil.parse(s.sql());
              } catch (Exception x) {
              }
          });
      m.put(
          "full analysis (LineageAnalyzer)",
          () -> {
            for (var s : st) an.analyze(AnalysisRequest.of(s.sql(), Dialects.ANSI));
          });
      m.put(
          "fingerprint",
          () -> {
            for (var s : st) QueryFingerprint.of(s.sql(), Dialects.ANSI);
          });
      Map<String, Double> best = new LinkedHashMap<>();
      for (int round = 0; round < 15; round++)
        for (var b : m.entrySet()) {
          long t0 = System.nanoTime();
          b.getValue().run();
          double secs = (System.nanoTime() - t0) / 1e9;
          if (round >= 3) best.merge(b.getKey(), st.size() / secs, Math::max);
        }
      System.out.println(e.getKey() + ":");
      best.forEach((k, v) -> System.out.printf("  %-34s %,10.0f statements/s%n", k, v));
    }
  }
}
