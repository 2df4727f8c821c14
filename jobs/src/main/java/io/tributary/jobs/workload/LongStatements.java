package io.tributary.jobs.workload;

import java.util.Locale;
import java.util.Random;

/**
 * Long statements as BI tools generate them (a wide select list and a long IN list of ids), as a
 * query-history table keeps them: cut at its text column's limit. Statement {@code i} is the same
 * text every day it runs, and the cut falls inside its IN list, so it never parses: each distinct
 * one is one dead letter.
 */
final class LongStatements {

  /** The first characters a history keeps, as Redshift's {@code query_text} does. */
  static final int HISTORY_TEXT_LIMIT = 4_000;

  private LongStatements() {}

  /** Statement {@code i}, cut at {@link #HISTORY_TEXT_LIMIT}. */
  static String truncated(long i) {
    return full(i).substring(0, HISTORY_TEXT_LIMIT);
  }

  /** Statement {@code i} whole: more than {@link #HISTORY_TEXT_LIMIT} characters. */
  static String full(long i) {
    Random r = new Random(i * 0xC2B2AE3D27D4EB4FL + 7);
    StringBuilder sql = new StringBuilder(6_000);
    if (i % 2 == 0) {
      sql.append("INSERT INTO marts.segment_snapshot (order_id, customer_id, segment_")
          .append(i)
          .append(") ");
    }
    sql.append(
        String.format(
            Locale.ROOT,
            "SELECT o.order_id, o.customer_id, CASE WHEN o.amount_usd > %d THEN 'high'"
                + " ELSE 'low' END AS segment_%d FROM staging.stg_orders o"
                + " WHERE o.status = 'COMPLETE' AND o.product_id IN (",
            r.nextInt(1_000),
            i));
    // The cut must fall inside the list: it runs well past the limit.
    for (int k = 0; sql.length() < HISTORY_TEXT_LIMIT + 500; k++) {
      sql.append(k == 0 ? "" : ", ").append(100_000 + r.nextInt(900_000));
    }
    return sql.append(")").toString();
  }
}
