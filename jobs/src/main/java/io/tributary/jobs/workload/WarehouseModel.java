package io.tributary.jobs.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The synthetic warehouse: raw → staging → marts tables of database {@code analytics}, the ETL
 * statements that move data between them (each a template of the day it runs), and, written by hand
 * from the lineage rules, the edges each ETL statement produces.
 */
final class WarehouseModel {

  static final String DATABASE = "analytics";

  /** Tables in declared column order: "schema.table" → columns. */
  static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

  static {
    table(
        "raw.orders",
        "order_id",
        "customer_id",
        "product_id",
        "amount",
        "currency",
        "status",
        "created_at");
    table("raw.customers", "customer_id", "name", "email", "country", "created_at");
    table("raw.products", "product_id", "name", "category", "price");
    table("raw.payments", "payment_id", "order_id", "amount", "method", "paid_at");
    table("raw.events", "event_id", "customer_id", "event_type", "occurred_at");
    table(
        "staging.stg_orders",
        "order_id",
        "customer_id",
        "product_id",
        "amount_usd",
        "status",
        "order_date");
    table("staging.stg_customers", "customer_id", "customer_name", "email", "country");
    table("staging.stg_payments", "payment_id", "order_id", "amount", "method", "paid_date");
    table("staging.stg_products", "product_id", "product_name", "category", "price");
    table(
        "staging.orders_archive",
        "order_id",
        "customer_id",
        "product_id",
        "amount_usd",
        "status",
        "order_date");
    table("marts.daily_revenue", "order_date", "country", "revenue", "orders");
    table(
        "marts.customer_ltv",
        "customer_id",
        "customer_name",
        "lifetime_value",
        "first_order",
        "last_order");
    table("marts.customer_rank", "customer_id", "country", "revenue", "rank_in_country");
    table("marts.product_sales", "product_id", "product_name", "category", "units", "revenue");
    table("marts.customer_status", "customer_id", "country", "updated_on");
    table("marts.order_payments", "order_id", "paid_amount", "payment_method");
  }

  private static void table(String name, String... columns) {
    TABLES.put(name, List.of(columns));
  }

  /**
   * An ETL statement: its SQL for a day ({@code %1$s} is the day as {@code yyyy-mm-dd}, {@code
   * %2$d} a number that changes daily) and the edges it yields, as "schema.table[.column] →
   * schema.table[.column]" pairs.
   */
  record Etl(String name, String template, List<String[]> edges) {}

  static final List<Etl> ETL = new ArrayList<>();

  static {
    etl(
        "stage orders",
        """
        INSERT INTO staging.stg_orders (order_id, customer_id, product_id, amount_usd, status, order_date)
        SELECT o.order_id, o.customer_id, o.product_id,
               CASE WHEN o.currency = 'USD' THEN o.amount ELSE o.amount * 1.1 END,
               UPPER(o.status), CAST(o.created_at AS DATE)
        FROM raw.orders o
        WHERE o.created_at >= DATE '%1$s' AND o.amount > %2$d""",
        "raw.orders>staging.stg_orders",
        "raw.orders.order_id>staging.stg_orders.order_id",
        "raw.orders.customer_id>staging.stg_orders.customer_id",
        "raw.orders.product_id>staging.stg_orders.product_id",
        "raw.orders.amount>staging.stg_orders.amount_usd",
        "raw.orders.currency>staging.stg_orders.amount_usd",
        "raw.orders.status>staging.stg_orders.status",
        "raw.orders.created_at>staging.stg_orders.order_date");
    etl(
        "stage customers",
        """
        INSERT INTO staging.stg_customers (customer_id, customer_name, email, country)
        SELECT c.customer_id, TRIM(c.name), LOWER(c.email), COALESCE(c.country, 'unknown')
        FROM raw.customers c
        WHERE c.created_at < DATE '%1$s'""",
        "raw.customers>staging.stg_customers",
        "raw.customers.customer_id>staging.stg_customers.customer_id",
        "raw.customers.name>staging.stg_customers.customer_name",
        "raw.customers.email>staging.stg_customers.email",
        "raw.customers.country>staging.stg_customers.country");
    etl(
        "stage products (CTAS)",
        """
        CREATE TABLE staging.stg_products AS
        SELECT p.product_id, p.name AS product_name, p.category, p.price
        FROM raw.products p
        WHERE p.price > %2$d""",
        "raw.products>staging.stg_products",
        "raw.products.product_id>staging.stg_products.product_id",
        "raw.products.name>staging.stg_products.product_name",
        "raw.products.category>staging.stg_products.category",
        "raw.products.price>staging.stg_products.price");
    etl(
        "stage payments (CTE)",
        """
        WITH p AS (
          SELECT payment_id, order_id, amount, method, paid_at
          FROM raw.payments
          WHERE paid_at >= DATE '%1$s')
        INSERT INTO staging.stg_payments (payment_id, order_id, amount, method, paid_date)
        SELECT p.payment_id, p.order_id, p.amount, p.method, CAST(p.paid_at AS DATE) FROM p""",
        "raw.payments>staging.stg_payments",
        "raw.payments.payment_id>staging.stg_payments.payment_id",
        "raw.payments.order_id>staging.stg_payments.order_id",
        "raw.payments.amount>staging.stg_payments.amount",
        "raw.payments.method>staging.stg_payments.method",
        "raw.payments.paid_at>staging.stg_payments.paid_date");
    etl(
        "archive orders (SELECT *)",
        """
        INSERT INTO staging.orders_archive
        SELECT * FROM staging.stg_orders WHERE order_date < DATE '%1$s'""",
        "staging.stg_orders>staging.orders_archive",
        "staging.stg_orders.order_id>staging.orders_archive.order_id",
        "staging.stg_orders.customer_id>staging.orders_archive.customer_id",
        "staging.stg_orders.product_id>staging.orders_archive.product_id",
        "staging.stg_orders.amount_usd>staging.orders_archive.amount_usd",
        "staging.stg_orders.status>staging.orders_archive.status",
        "staging.stg_orders.order_date>staging.orders_archive.order_date");
    etl(
        "daily revenue (join, aggregate)",
        """
        INSERT INTO marts.daily_revenue (order_date, country, revenue, orders)
        SELECT o.order_date, c.country, SUM(o.amount_usd), COUNT(*)
        FROM staging.stg_orders o
        JOIN staging.stg_customers c ON c.customer_id = o.customer_id
        WHERE o.order_date = DATE '%1$s' AND o.status = 'COMPLETE'
        GROUP BY o.order_date, c.country""",
        "staging.stg_orders>marts.daily_revenue",
        "staging.stg_customers>marts.daily_revenue",
        "staging.stg_orders.order_date>marts.daily_revenue.order_date",
        "staging.stg_customers.country>marts.daily_revenue.country",
        "staging.stg_orders.amount_usd>marts.daily_revenue.revenue");
    etl(
        "customer lifetime value (CTE, aggregate)",
        """
        WITH totals AS (
          SELECT o.customer_id, SUM(o.amount_usd) AS total,
                 MIN(o.order_date) AS first_order, MAX(o.order_date) AS last_order
          FROM staging.stg_orders o
          WHERE o.order_date <= DATE '%1$s'
          GROUP BY o.customer_id)
        INSERT INTO marts.customer_ltv (customer_id, customer_name, lifetime_value, first_order, last_order)
        SELECT c.customer_id, c.customer_name, t.total, t.first_order, t.last_order
        FROM totals t JOIN staging.stg_customers c ON c.customer_id = t.customer_id""",
        "staging.stg_orders>marts.customer_ltv",
        "staging.stg_customers>marts.customer_ltv",
        "staging.stg_customers.customer_id>marts.customer_ltv.customer_id",
        "staging.stg_customers.customer_name>marts.customer_ltv.customer_name",
        "staging.stg_orders.amount_usd>marts.customer_ltv.lifetime_value",
        "staging.stg_orders.order_date>marts.customer_ltv.first_order",
        "staging.stg_orders.order_date>marts.customer_ltv.last_order");
    etl(
        "customer rank (window)",
        """
        INSERT INTO marts.customer_rank (customer_id, country, revenue, rank_in_country)
        SELECT d.customer_id, d.country, d.revenue,
               RANK() OVER (PARTITION BY d.country ORDER BY d.revenue DESC)
        FROM (SELECT o.customer_id, c.country, SUM(o.amount_usd) AS revenue
              FROM staging.stg_orders o
              JOIN staging.stg_customers c ON c.customer_id = o.customer_id
              WHERE o.order_date >= DATE '%1$s'
              GROUP BY o.customer_id, c.country) d""",
        "staging.stg_orders>marts.customer_rank",
        "staging.stg_customers>marts.customer_rank",
        "staging.stg_orders.customer_id>marts.customer_rank.customer_id",
        "staging.stg_customers.country>marts.customer_rank.country",
        "staging.stg_orders.amount_usd>marts.customer_rank.revenue",
        "staging.stg_customers.country>marts.customer_rank.rank_in_country",
        "staging.stg_orders.amount_usd>marts.customer_rank.rank_in_country");
    etl(
        "product sales (join, aggregate)",
        """
        INSERT INTO marts.product_sales (product_id, product_name, category, units, revenue)
        SELECT p.product_id, p.product_name, p.category, COUNT(o.order_id), SUM(o.amount_usd)
        FROM staging.stg_orders o
        JOIN staging.stg_products p ON p.product_id = o.product_id
        WHERE o.order_date = DATE '%1$s'
        GROUP BY p.product_id, p.product_name, p.category""",
        "staging.stg_orders>marts.product_sales",
        "staging.stg_products>marts.product_sales",
        "staging.stg_products.product_id>marts.product_sales.product_id",
        "staging.stg_products.product_name>marts.product_sales.product_name",
        "staging.stg_products.category>marts.product_sales.category",
        "staging.stg_orders.order_id>marts.product_sales.units",
        "staging.stg_orders.amount_usd>marts.product_sales.revenue");
    etl(
        "activity view (UNION)",
        """
        CREATE OR REPLACE VIEW marts.all_activity AS
        SELECT o.customer_id, o.order_date AS activity_date, 'order' AS activity_type
        FROM staging.stg_orders o
        UNION ALL
        SELECT e.customer_id, CAST(e.occurred_at AS DATE), e.event_type
        FROM raw.events e
        WHERE e.occurred_at >= DATE '2020-01-01'""",
        "staging.stg_orders>marts.all_activity",
        "raw.events>marts.all_activity",
        "staging.stg_orders.customer_id>marts.all_activity.customer_id",
        "raw.events.customer_id>marts.all_activity.customer_id",
        "staging.stg_orders.order_date>marts.all_activity.activity_date",
        "raw.events.occurred_at>marts.all_activity.activity_date",
        "raw.events.event_type>marts.all_activity.activity_type");
    etl(
        "customer status (MERGE)",
        """
        MERGE INTO marts.customer_status t
        USING staging.stg_customers s ON t.customer_id = s.customer_id
        WHEN MATCHED THEN UPDATE SET country = s.country, updated_on = DATE '%1$s'
        WHEN NOT MATCHED THEN INSERT (customer_id, country, updated_on)
          VALUES (s.customer_id, s.country, DATE '%1$s')""",
        "staging.stg_customers>marts.customer_status",
        "staging.stg_customers.country>marts.customer_status.country",
        "staging.stg_customers.customer_id>marts.customer_status.customer_id");
    etl(
        "order payments (UPDATE ... FROM)",
        """
        UPDATE marts.order_payments
        SET paid_amount = p.amount, payment_method = p.method
        FROM staging.stg_payments p
        WHERE p.order_id = order_payments.order_id AND p.paid_date = DATE '%1$s'""",
        "staging.stg_payments>marts.order_payments",
        "staging.stg_payments.amount>marts.order_payments.paid_amount",
        "staging.stg_payments.method>marts.order_payments.payment_method");
  }

  private static void etl(String name, String template, String... edges) {
    ETL.add(new Etl(name, template, pairs(edges)));
  }

  private static List<String[]> pairs(String... edges) {
    List<String[]> pairs = new ArrayList<>();
    for (String edge : edges) {
      pairs.add(edge.split(">"));
    }
    return pairs;
  }

  /**
   * A temp-table session sent as one script, once a day (realistic logs only): its lineage is
   * stitched through the temporary table, from the staging table straight into the mart.
   */
  static final Etl TEMP_TABLE_SCRIPT =
      new Etl(
          "recent customer value (temp table, script)",
          """
          CREATE TEMPORARY TABLE tmp_recent_orders AS
          SELECT o.order_id, o.customer_id, o.amount_usd FROM staging.stg_orders o
          WHERE o.order_date >= DATE '%1$s';
          INSERT INTO marts.recent_customer_value (customer_id, recent_value)
          SELECT t.customer_id, SUM(t.amount_usd) FROM tmp_recent_orders t GROUP BY t.customer_id;
          DROP TABLE tmp_recent_orders""",
          // stitched through the temporary table, which is no resource
          pairs(
              "staging.stg_orders>marts.recent_customer_value",
              "staging.stg_orders.customer_id>marts.recent_customer_value.customer_id",
              "staging.stg_orders.amount_usd>marts.recent_customer_value.recent_value"));

  /** Dashboard queries: plain SELECTs, no lineage to store. */
  static final List<String> DASHBOARDS =
      List.of(
          "SELECT d.country, SUM(d.revenue) AS revenue FROM marts.daily_revenue d"
              + " WHERE d.order_date >= DATE '%1$s' GROUP BY d.country ORDER BY 2 DESC LIMIT %2$d",
          "SELECT l.customer_name, l.lifetime_value FROM marts.customer_ltv l"
              + " WHERE l.lifetime_value > %2$d ORDER BY l.lifetime_value DESC LIMIT 20",
          "SELECT p.category, SUM(p.units) AS units, SUM(p.revenue) AS revenue"
              + " FROM marts.product_sales p GROUP BY p.category",
          "SELECT r.country, COUNT(*) FROM marts.customer_rank r WHERE r.rank_in_country <= %2$d"
              + " GROUP BY r.country",
          "SELECT a.activity_type, COUNT(*) FROM marts.all_activity a"
              + " WHERE a.activity_date = DATE '%1$s' GROUP BY a.activity_type");

  /** Session noise: statements without lineage. */
  static final List<String> NOISE =
      List.of(
          "BEGIN",
          "COMMIT",
          "ROLLBACK",
          "SET search_path TO staging, public",
          "SET statement_timeout = %2$d",
          "SHOW timezone",
          "SELECT 1");

  /** Statements the analyzer cannot parse (a few percent of the log). */
  static final List<String> BROKEN =
      List.of(
          "SELEC o.order_id FROM raw.orders o WHERE o.amount > %2$d",
          "INSERT INTO marts.daily_revenue (order_date, revenue) SELECT FROM WHERE",
          "UPDATE marts.order_payments SET = %2$d WHERE",
          "SELECT * FROM raw.orders WHERE created_at >= DATE '%1$s' AND (amount > %2$d");

  /**
   * Every expected edge as "a>b" over fully qualified names ({@code
   * analytics.schema.table[.column]}).
   */
  static Set<String> expectedEdges(WorkloadMix mix) {
    List<Etl> writers = new ArrayList<>(ETL);
    if (mix.realistic()) {
      writers.add(TEMP_TABLE_SCRIPT);
    }
    Set<String> edges = new LinkedHashSet<>();
    for (Etl etl : writers) {
      for (String[] pair : etl.edges()) {
        edges.add(DATABASE + "." + pair[0] + ">" + DATABASE + "." + pair[1]);
      }
    }
    return edges;
  }

  private WarehouseModel() {}
}
