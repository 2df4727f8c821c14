package io.tributary.api.service;

import io.tributary.api.service.QueryLineageService.Written;
import io.tributary.connectors.store.QuerySeen;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes the lineage of OpenLineage run events into the store through {@link QueryLineageService}'s
 * rule, so that it lands on the same resources as query-log lineage. The OpenLineage job is
 * recorded as the query behind the edges: its fingerprint is derived from the job's namespace and
 * name, its sample text names the job and the run (and holds the SQL job facet's query, when there
 * is one).
 */
public final class OpenLineageService {

  /** The dialect the store records for a job reported by OpenLineage. */
  public static final String DIALECT = "openlineage";

  private final QueryLineageService lineage;

  public OpenLineageService(QueryLineageService lineage) {
    this.lineage = lineage;
  }

  /** Writes the event's lineage (nothing for ABORT and FAIL). */
  public Written accept(OpenLineageRun run) {
    if (!run.carriesLineage()) {
      return new Written(0, 0, 0);
    }
    return lineage.write(run.writes(), run.columns(), producedBy(run));
  }

  /** The fingerprint under which a job's edges are recorded: the same for every run of the job. */
  public static String jobFingerprint(String namespace, String name) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((namespace + '\u0000' + name).getBytes(StandardCharsets.UTF_8));
      return "openlineage:" + HexFormat.of().formatHex(hash, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static QuerySeen producedBy(OpenLineageRun run) {
    String about =
        "-- OpenLineage job " + run.jobNamespace() + "/" + run.jobName() + ", run " + run.runId();
    String sample = run.sql().map(sql -> about + "\n" + sql).orElse(about);
    return new QuerySeen(
        jobFingerprint(run.jobNamespace(), run.jobName()),
        sample,
        DIALECT,
        run.eventTime(),
        run.eventTime());
  }
}
