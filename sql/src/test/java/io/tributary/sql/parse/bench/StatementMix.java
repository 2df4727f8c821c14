package io.tributary.sql.parse.bench;

import java.util.List;

/** A mix of analytical queries (TPC-H shaped) and ETL statements for throughput measurements. */
public final class StatementMix {

  public static final int SIZE = 10;

  public static final List<String> STATEMENTS =
      List.of(
          // TPC-H Q1
          "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty,"
              + " sum(l_extendedprice) AS sum_base_price,"
              + " sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,"
              + " sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,"
              + " avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price,"
              + " avg(l_discount) AS avg_disc, count(*) AS count_order FROM lineitem"
              + " WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY"
              + " GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus",
          // TPC-H Q3
          "SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate,"
              + " o_shippriority FROM customer, orders, lineitem WHERE c_mktsegment = 'BUILDING'"
              + " AND c_custkey = o_custkey AND l_orderkey = o_orderkey"
              + " AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'"
              + " GROUP BY l_orderkey, o_orderdate, o_shippriority"
              + " ORDER BY revenue DESC, o_orderdate LIMIT 10",
          // TPC-H Q5
          "SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue"
              + " FROM customer, orders, lineitem, supplier, nation, region"
              + " WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey"
              + " AND l_suppkey = s_suppkey AND c_nationkey = s_nationkey"
              + " AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey"
              + " AND r_name = 'ASIA' AND o_orderdate >= DATE '1994-01-01'"
              + " AND o_orderdate < DATE '1995-01-01' GROUP BY n_name ORDER BY revenue DESC",
          // TPC-H Q13
          "SELECT c_count, count(*) AS custdist FROM (SELECT c_custkey, count(o_orderkey) AS"
              + " c_count FROM customer LEFT OUTER JOIN orders ON c_custkey = o_custkey"
              + " AND o_comment NOT LIKE '%special%requests%' GROUP BY c_custkey) AS c_orders"
              + " GROUP BY c_count ORDER BY custdist DESC, c_count DESC",
          // TPC-H Q22
          "SELECT cntrycode, count(*) AS numcust, sum(c_acctbal) AS totacctbal FROM ("
              + " SELECT substring(c_phone FROM 1 FOR 2) AS cntrycode, c_acctbal FROM customer"
              + " WHERE substring(c_phone FROM 1 FOR 2) IN ('13', '31', '23', '29', '30', '18')"
              + " AND c_acctbal > (SELECT avg(c_acctbal) FROM customer WHERE c_acctbal > 0.00"
              + " AND substring(c_phone FROM 1 FOR 2) IN ('13', '31', '23', '29', '30', '18'))"
              + " AND NOT EXISTS (SELECT * FROM orders WHERE o_custkey = c_custkey)) AS custsale"
              + " GROUP BY cntrycode ORDER BY cntrycode",
          // ETL: insert from a CTE with a window
          "INSERT INTO mart.daily_revenue (day, region, revenue, rank_in_day)"
              + " WITH orders_day AS (SELECT CAST(o.created_at AS DATE) AS day, c.region,"
              + " o.amount FROM raw.orders o JOIN raw.customers c ON c.id = o.customer_id"
              + " WHERE o.created_at >= '2024-01-01')"
              + " SELECT day, region, sum(amount),"
              + " rank() OVER (PARTITION BY day ORDER BY sum(amount) DESC)"
              + " FROM orders_day GROUP BY day, region",
          // ETL: CTAS
          "CREATE TABLE mart.customer_summary AS SELECT c.id, c.name,"
              + " count(o.id) AS orders, coalesce(sum(o.amount), 0) AS total,"
              + " CASE WHEN sum(o.amount) > 1000 THEN 'gold' ELSE 'standard' END AS tier"
              + " FROM raw.customers c LEFT JOIN raw.orders o ON o.customer_id = c.id"
              + " GROUP BY c.id, c.name",
          // ETL: merge
          "MERGE INTO mart.customers t USING (SELECT id, name, email FROM staging.customers)"
              + " s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name, email = s.email"
              + " WHEN NOT MATCHED THEN INSERT (id, name, email) VALUES (s.id, s.name, s.email)",
          // ETL: update from
          "UPDATE mart.orders SET status = s.status, updated_at = s.updated_at"
              + " FROM staging.order_status s WHERE mart.orders.id = s.order_id"
              + " AND s.updated_at > mart.orders.updated_at",
          // ETL: view with union
          "CREATE VIEW mart.all_events AS SELECT id, 'web' AS source, ts FROM raw.web_events"
              + " UNION ALL SELECT id, 'app', ts FROM raw.app_events"
              + " UNION ALL SELECT id, 'pos', created FROM raw.pos_events WHERE created IS NOT NULL");

  private StatementMix() {}
}
