package io.tributary.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.model.StatementLineage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a generated query log must leave in the store besides its edges, read from the log itself:
 * how many statements succeeded in the warehouse (each is counted once into the queries table), and
 * the fingerprints of the broken ones (each is analyzed once and becomes one dead letter).
 */
record WorkloadTruth(long succeeded, Set<String> deadLetterFingerprints) {

  static WorkloadTruth of(Path log) throws IOException {
    ObjectMapper json = new ObjectMapper();
    LineageAnalyzer analyzer = new LineageAnalyzer();
    long succeeded = 0;
    Set<String> broken = new TreeSet<>();
    try (BufferedReader lines = Files.newBufferedReader(log)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode row = json.readTree(line);
        if (!row.path("execution_status").asText("SUCCESS").equals("SUCCESS")) {
          continue;
        }
        succeeded++;
        String sql = row.path("sql").asText();
        Dialect dialect = Dialects.byName(row.path("dialect").asText());
        if (analyzer.analyze(AnalysisRequest.of(sql, dialect)).stream()
            .anyMatch(StatementLineage::failed)) {
          broken.add(QueryFingerprint.of(sql, dialect));
        }
      }
    }
    return new WorkloadTruth(succeeded, Set.copyOf(broken));
  }
}
