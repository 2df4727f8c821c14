package io.tributary.jobs.workload;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Ad-hoc queries over the warehouse's marts and staging tables as analysts, BI tools and notebooks
 * write them: joins, CTEs, window functions, IN / EXISTS / scalar subqueries, each shape with its
 * own columns and names. Query {@code n} has a shape no other {@code n} has (its names carry {@code
 * n}), so each is a distinct fingerprint; none writes a table, so none adds edges.
 */
final class AdHocQueries {

  /** Dialects ad-hoc queries are logged in; each reads the shapes below the same way. */
  static final List<String> DIALECTS = List.of("postgresql", "redshift", "snowflake");

  private static final List<String> AGGREGATES = List.of("SUM", "AVG", "MAX", "MIN");
  private static final List<String> RANKS = List.of("ROW_NUMBER", "RANK", "DENSE_RANK");
  private static final List<String> STATUSES = List.of("COMPLETE", "PENDING", "RETURNED");
  private static final List<String> METHODS = List.of("card", "wire", "voucher");
  private static final List<String> ORDER_COLUMNS =
      List.of("o.order_id", "o.product_id", "o.status", "o.order_date");
  private static final List<String> RANK_COLUMNS = List.of("r.country", "r.rank_in_country");
  private static final List<String> PRODUCT_COLUMNS = List.of("p.category", "p.units");

  private AdHocQueries() {}

  /** Query {@code n}, with literals of {@code day}. */
  static String query(long n, String day) {
    Random r = new Random(n * 0x9E3779B97F4A7C15L);
    String metric = pick(List.of("total", "value", "amount", "metric", "kpi"), r) + "_" + n;
    int limit = 5 + r.nextInt(95);
    return switch ((int) (n % 6)) {
      case 0 -> {
        String byStatus = r.nextBoolean() ? ", o.status" : "";
        yield String.format(
            Locale.ROOT,
            "SELECT c.country%s, %s(o.amount_usd) AS %s FROM staging.stg_orders o"
                + " JOIN staging.stg_customers c ON c.customer_id = o.customer_id"
                + " WHERE o.order_date >= DATE '%s' GROUP BY c.country%s ORDER BY 2 DESC LIMIT %d",
            byStatus,
            pick(AGGREGATES, r),
            metric,
            day,
            byStatus,
            limit);
      }
      case 1 ->
          String.format(
              Locale.ROOT,
              "WITH q%d AS (SELECT o.customer_id, %s(o.amount_usd) AS %s FROM staging.stg_orders o"
                  + " WHERE o.status = '%s' GROUP BY o.customer_id)"
                  + " SELECT l.customer_name, q%d.%s%s FROM q%d"
                  + " JOIN marts.customer_ltv l ON l.customer_id = q%d.customer_id"
                  + " WHERE q%d.%s > %d",
              n,
              pick(AGGREGATES, r),
              metric,
              pick(STATUSES, r),
              n,
              metric,
              r.nextBoolean() ? ", l.lifetime_value" : "",
              n,
              n,
              n,
              metric,
              limit);
      case 2 ->
          String.format(
              Locale.ROOT,
              "SELECT r.customer_id%s, r.revenue, %s() OVER (PARTITION BY r.country ORDER BY"
                  + " r.revenue DESC) AS %s FROM marts.customer_rank r WHERE r.revenue > %d",
              columns(RANK_COLUMNS, r),
              pick(RANKS, r),
              metric,
              limit);
      case 3 ->
          String.format(
              Locale.ROOT,
              "SELECT p.product_name%s, p.revenue AS %s FROM marts.product_sales p"
                  + " WHERE p.product_id IN (SELECT o.product_id FROM staging.stg_orders o"
                  + " WHERE o.order_date = DATE '%s') AND p.units > %d",
              columns(PRODUCT_COLUMNS, r),
              metric,
              day,
              limit);
      case 4 ->
          String.format(
              Locale.ROOT,
              "SELECT d.country, d.revenue / NULLIF((SELECT SUM(x.revenue) FROM"
                  + " marts.daily_revenue x WHERE x.order_date = d.order_date), 0) AS %s"
                  + " FROM marts.daily_revenue d WHERE d.order_date = DATE '%s'",
              metric,
              day);
      default -> {
        String grouped = columns(ORDER_COLUMNS, r);
        yield String.format(
            Locale.ROOT,
            "SELECT o.customer_id%s, COUNT(*) AS %s FROM staging.stg_orders o"
                + " WHERE EXISTS (SELECT 1 FROM staging.stg_payments p"
                + " WHERE p.order_id = o.order_id AND p.method = '%s')"
                + " GROUP BY o.customer_id%s",
            grouped,
            metric,
            pick(METHODS, r),
            grouped);
      }
    };
  }

  /** Zero to all of {@code options}, each preceded by a comma. */
  private static String columns(List<String> options, Random r) {
    StringBuilder s = new StringBuilder();
    for (String c : options) {
      if (r.nextBoolean()) {
        s.append(", ").append(c);
      }
    }
    return s.toString();
  }

  private static String pick(List<String> options, Random r) {
    return options.get(r.nextInt(options.size()));
  }
}
