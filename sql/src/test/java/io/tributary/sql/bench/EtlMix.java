package io.tributary.sql.bench;

import io.tributary.sql.catalog.CatalogTable;
import io.tributary.sql.golden.GoldenFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic ETL workload in the shape of a warehouse's query history: staging loads, upserts,
 * incremental merges, dimension updates, reporting views and cleanup, over a small star schema.
 * Each statement is generated in several variants (other tables, other literals) as a history would
 * show them.
 */
final class EtlMix {

  private static final String[] FACTS = {"orders", "payments", "shipments", "refunds"};

  private EtlMix() {}

  static List<CatalogTable> catalog() {
    List<CatalogTable> tables = new ArrayList<>();
    for (String f : FACTS) {
      tables.addAll(
          GoldenFormat.parseCatalog(
              "staging."
                  + f
                  + "(id bigint, customer_id bigint, product_id bigint, amount numeric, status text,"
                  + " created_at timestamp, updated_at timestamp, payload jsonb); "
                  + "dw.fact_"
                  + f
                  + "(id bigint, customer_key bigint, product_key bigint, amount numeric,"
                  + " amount_eur numeric, status text, day date, loaded_at timestamp)"));
    }
    tables.addAll(
        GoldenFormat.parseCatalog(
            "dw.dim_customer(customer_key bigint, customer_id bigint, name text, email text,"
                + " country text, segment text, valid_from timestamp, valid_to timestamp); "
                + "dw.dim_product(product_key bigint, product_id bigint, sku text, category text,"
                + " price numeric); "
                + "staging.customers(id bigint, name text, email text, country text, segment text,"
                + " updated_at timestamp); "
                + "ref.fx_rates(day date, currency text, rate numeric); "
                + "mart.daily_revenue(day date, country text, category text, revenue numeric,"
                + " orders bigint)"));
    return tables;
  }

  static List<String> statements() {
    List<String> out = new ArrayList<>();
    for (int v = 0; v < FACTS.length; v++) {
      String f = FACTS[v];
      String day = "2024-0" + (v + 1) + "-1" + v;
      out.add(
          "INSERT INTO dw.fact_"
              + f
              + " (id, customer_key, product_key, amount, amount_eur, status, day, loaded_at)\n"
              + "SELECT s.id, c.customer_key, p.product_key, s.amount, s.amount * fx.rate,"
              + " upper(s.status), CAST(s.created_at AS date), now()\n"
              + "FROM staging."
              + f
              + " s\n"
              + "JOIN dw.dim_customer c ON c.customer_id = s.customer_id AND c.valid_to IS NULL\n"
              + "JOIN dw.dim_product p ON p.product_id = s.product_id\n"
              + "LEFT JOIN ref.fx_rates fx ON fx.day = CAST(s.created_at AS date) AND fx.currency = 'USD'\n"
              + "WHERE s.created_at >= DATE '"
              + day
              + "' AND s.status <> 'test'");
      out.add(
          "MERGE INTO dw.dim_customer t\n"
              + "USING (SELECT id, name, lower(email) AS email, country, segment, updated_at"
              + " FROM staging.customers WHERE updated_at >= TIMESTAMP '"
              + day
              + " 00:00:00') s\n"
              + "ON t.customer_id = s.id AND t.valid_to IS NULL\n"
              + "WHEN MATCHED AND t.email <> s.email THEN UPDATE SET email = s.email,"
              + " name = s.name, segment = coalesce(s.segment, t.segment)\n"
              + "WHEN NOT MATCHED THEN INSERT (customer_key, customer_id, name, email, country,"
              + " segment, valid_from) VALUES (s.id * 10 + "
              + v
              + ", s.id, s.name, s.email, s.country, s.segment, s.updated_at)");
      out.add(
          "WITH daily AS (\n"
              + "  SELECT f.day, c.country, p.category, SUM(f.amount_eur) AS revenue,"
              + " COUNT(*) AS orders\n"
              + "  FROM dw.fact_"
              + f
              + " f JOIN dw.dim_customer c ON c.customer_key = f.customer_key\n"
              + "  JOIN dw.dim_product p ON p.product_key = f.product_key\n"
              + "  WHERE f.day = DATE '"
              + day
              + "'\n"
              + "  GROUP BY f.day, c.country, p.category)\n"
              + "INSERT INTO mart.daily_revenue (day, country, category, revenue, orders)\n"
              + "SELECT day, country, category, revenue, orders FROM daily");
      out.add(
          "UPDATE dw.fact_"
              + f
              + " f SET amount_eur = f.amount * fx.rate FROM ref.fx_rates fx"
              + " WHERE fx.day = f.day AND fx.currency = 'USD' AND f.day >= DATE '"
              + day
              + "'");
      out.add(
          "CREATE OR REPLACE VIEW mart.top_customers_"
              + f
              + " AS\n"
              + "SELECT * FROM (SELECT c.name, c.country, SUM(f.amount_eur) AS total,"
              + " ROW_NUMBER() OVER (PARTITION BY c.country ORDER BY SUM(f.amount_eur) DESC) AS rn\n"
              + "  FROM dw.fact_"
              + f
              + " f JOIN dw.dim_customer c ON c.customer_key = f.customer_key"
              + " GROUP BY c.name, c.country) ranked WHERE rn <= "
              + (10 + v));
      out.add(
          "CREATE TABLE staging.tmp_"
              + f
              + "_"
              + v
              + " AS SELECT id, customer_id, amount, CASE WHEN amount > 100 THEN 'big'"
              + " ELSE 'small' END AS size_class FROM staging."
              + f
              + " WHERE status IN ('paid', 'shipped')");
      out.add(
          "DELETE FROM staging."
              + f
              + " WHERE created_at < DATE '"
              + day
              + "' AND id IN (SELECT id FROM dw.fact_"
              + f
              + ")");
      out.add(
          "SELECT c.segment, p.category, COUNT(DISTINCT f.customer_key) AS buyers,"
              + " AVG(f.amount_eur) AS avg_eur, MAX(f.loaded_at) AS last_load\n"
              + "FROM dw.fact_"
              + f
              + " f JOIN dw.dim_customer c USING (customer_key) JOIN dw.dim_product p USING"
              + " (product_key)\n"
              + "GROUP BY c.segment, p.category HAVING COUNT(*) > "
              + (5 * v + 1));
    }
    return out;
  }
}
