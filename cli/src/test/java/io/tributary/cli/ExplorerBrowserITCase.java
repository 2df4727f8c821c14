package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ApiConfig;
import io.tributary.api.LineageApi;
import io.tributary.connectors.store.Direction;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.LineageEdge;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.ResourceFilter;
import io.tributary.connectors.store.StoreIds;
import io.tributary.connectors.store.StoreStats;
import io.tributary.jobs.workload.WorkloadGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lineage explorer in a real headless Chromium, over a store filled by a real backfill of the
 * generator's workload, checked against the generator's known lineage: sign-in, the health panel,
 * search, a table's graph, columns, a column's paths and impact, an edge's queries, deleting an
 * edge and adding it back. Graph elements are activated with the keyboard (focus, Enter).
 *
 * <p>The screenshots of the main views go to {@code target/screenshots}, or to the directory in the
 * system property {@code explorer.screenshots} (the README's come from {@code
 * -Dexplorer.screenshots=../docs}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserITCase {

  private static final String DB = "analytics";

  @TempDir static Path dir;

  private final WorkloadLineage truth = new WorkloadLineage();
  private long days;
  private LineageStore store;
  private LineageApi api;
  private String token;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path screenshots;

  @BeforeAll
  void start() throws Exception {
    Path log = dir.resolve("query-log.jsonl");
    Path catalog = dir.resolve("catalog.json");
    days = new WorkloadGenerator(600, 11, 120).write(log).days();
    Files.writeString(catalog, WorkloadGenerator.catalogJson());
    String url = LineageStore.h2FileUrl(dir).replace(";AUTO_SERVER=TRUE", "");
    StringWriter err = new StringWriter();
    int code =
        TributaryCommand.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "backfill",
            "--source",
            "files",
            "--path",
            log.toString(),
            "--catalog",
            catalog.toString(),
            "--dialect",
            "postgresql",
            "--store",
            url,
            "--parallelism",
            "1");
    assertThat(code).as(err.toString()).isZero();
    store = LineageStore.open(url, 4);
    token = store.tokens().create("explorer test");
    api = LineageApi.start(store, ApiConfig.builder().host("127.0.0.1").port(0).build());
    browser = Chromium.start(1600, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
    screenshots =
        Files.createDirectories(
            Path.of(System.getProperty("explorer.screenshots", "target/screenshots")));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (api != null) {
      api.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  @Order(1)
  void asksForATokenAndShowsNothingWithAWrongOne() {
    browser.get("http://127.0.0.1:" + api.port() + "/");
    wait.until(d -> d.findElement(By.id("sign-in-view")).isDisplayed());
    assertThat(browser.findElement(By.id("app-view")).isDisplayed()).isFalse();

    browser.findElement(By.id("token-input")).sendKeys("trb_not-a-token", Keys.ENTER);

    wait.until(d -> text("sign-in-error").contains("not accepted"));
    assertThat(browser.findElement(By.id("app-view")).isDisplayed()).isFalse();
    assertThat(browser.findElements(By.cssSelector("#health-counts dd"))).isEmpty();
    screenshot("explorer-sign-in.png");
  }

  @Test
  @Order(2)
  void theHealthPanelShowsTheStoresCountsAndDeadLetters() {
    signIn();
    StoreStats stats = store.stats().read();
    assertThat(count("Edges")).isEqualTo(truth.edges()).isEqualTo(stats.relationships());
    assertThat(count("Tables"))
        .isEqualTo(stats.resources().get(EntityType.TABLE))
        .isGreaterThanOrEqualTo(WorkloadGenerator.catalog().size());
    assertThat(count("Queries seen")).isEqualTo(stats.queriesSeen()).isPositive();
    // the workload's broken statements: cut ones are TRUNCATED, the others PARSE_ERROR
    assertThat(stats.deadLetters()).containsKey("PARSE_ERROR");
    assertThat(stats.deadLetters().keySet()).isSubsetOf("PARSE_ERROR", "TRUNCATED");
    assertThat(count("Dead letters"))
        .isEqualTo(stats.deadLetters().values().stream().mapToLong(Number::longValue).sum())
        .isPositive();
    for (String reason : stats.deadLetters().keySet()) {
      assertThat(text("health-reasons")).contains(reason);
    }
    List<WebElement> recent = browser.findElements(By.cssSelector("#health-dead-letters li"));
    assertThat(recent).hasSize((int) Math.min(8, count("Dead letters")));
    assertThat(recent.get(0).getText()).containsAnyOf("PARSE_ERROR", "TRUNCATED");
  }

  @Test
  @Order(3)
  void searchOpensATablesGraphLeftToRightInUnderASecond() {
    search("stg_orders");
    WebElement result =
        browser.findElements(By.cssSelector("#search-results button")).stream()
            .filter(b -> b.getText().startsWith("stg_orders") && b.getText().contains("table"))
            .findFirst()
            .orElseThrow();
    assertThat(result.getText()).contains("analytics.staging");
    chooseDepth(10);
    result.sendKeys(Keys.ENTER);
    String stgOrders = tableId("staging", "stg_orders").toString();
    wait.until(d -> stgOrders.equals(bodyData("graphRoot")));

    Set<String> expected = new TreeSet<>();
    expected.add(DB + ".staging.stg_orders");
    expected.addAll(truth.upstream(DB + ".staging.stg_orders"));
    expected.addAll(truth.downstream(DB + ".staging.stg_orders"));
    expected.removeIf(WorkloadLineage::isColumn);
    assertThat(shownTables()).containsExactlyInAnyOrderElementsOf(expected);
    // First paint: the walk, the layout and the browser's first frame of the graph.
    assertThat(Integer.parseInt(bodyData("graphMs")))
        .as("fetch %s ms, render %s ms", bodyData("fetchMs"), bodyData("renderMs"))
        .isLessThan(1000);
    // Left to right: source, the table, its targets.
    assertThat(x(DB + ".raw.orders")).isLessThan(x(DB + ".staging.stg_orders"));
    assertThat(x(DB + ".staging.stg_orders")).isLessThan(x(DB + ".marts.daily_revenue"));
    // A table only seen in queries (the view of the ETL) is marked.
    assertThat(tableNode(DB + ".marts.all_activity").getAttribute("class")).contains("discovered");
  }

  @Test
  @Order(4)
  void columnsTheirPathsAndTheImpactList() {
    activate(toggleOf("stg_orders"));
    wait.until(d -> !columnsOf("stg_orders").isEmpty());
    assertThat(columnsOf("stg_orders"))
        .containsExactly(
            "order_id", "customer_id", "product_id", "amount_usd", "status", "order_date");

    activate(toggleOf("orders"));
    wait.until(d -> !columnsOf("orders").isEmpty());
    // How each value flows, as the store keeps it: order_id is copied (a solid line), status is
    // computed by UPPER (a dashed one).
    assertFlow("order_id", "order_id", "direct", "none");
    assertFlow("status", "status", "derived", "6px, 4px");

    // raw.orders.amount: one edge into stg_orders, then further ones down the path.
    activate(column("orders.amount"));
    wait.until(d -> text("details").contains("Impact downstream"));
    String amount = DB + ".raw.orders.amount";
    Set<String> path = new TreeSet<>(List.of(WorkloadLineage.shortName(amount)));
    truth.downstream(amount).forEach(c -> path.add(WorkloadLineage.shortName(c)));
    wait.until(d -> onPath().equals(path));
    assertThat(edgeLabels(".edge.near")).containsExactly(amountEdge() + " (one step)");
    assertThat(edgeLabels(".edge.far"))
        .hasSize(truth.downstream(DB + ".staging.stg_orders.amount_usd").size())
        .allSatisfy(l -> assertThat(l).startsWith("Column edge stg_orders.amount_usd to "));

    Set<String> impactedTables =
        truth.downstream(amount).stream()
            .map(c -> c.substring(0, c.lastIndexOf('.')))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(text("impact-counts"))
        .isEqualTo(
            impactedTables.size() + " tables, " + truth.downstream(amount).size() + " columns");
    List<String> csv =
        Arrays.asList(browser.findElement(By.id("impact")).getDomAttribute("data-csv").split("\n"));
    assertThat(csv.get(0)).isEqualTo("database,schema,table,column,depth");
    assertThat(csv.subList(1, csv.size()))
        .extracting(line -> String.join(".", Arrays.copyOf(line.split(","), 4)))
        .containsExactlyInAnyOrderElementsOf(truth.downstream(amount));
    screenshot("explorer-column-path.png");

    // Follow the path to a mart's column: its upstream reaches back to raw.orders.
    activate(column("daily_revenue.revenue"));
    String revenue = DB + ".marts.daily_revenue.revenue";
    Set<String> back = new TreeSet<>(List.of(WorkloadLineage.shortName(revenue)));
    truth.upstream(revenue).forEach(c -> back.add(WorkloadLineage.shortName(c)));
    wait.until(d -> onPath().equals(back));
    assertThat(back).contains("orders.amount", "orders.currency", "stg_orders.amount_usd");
    wait.until(d -> text("impact-counts").equals("0 tables, 0 columns"));
  }

  @Test
  @Order(5)
  void anEdgesQueriesThenDeleteAndAddItBack() {
    activate(column("orders.amount"));
    String label = amountEdge() + " (one step)";
    wait.until(d -> edgeLabels(".edge.near").contains(label));
    activate(edge(label));
    wait.until(d -> text("details").contains("Queries behind it"));

    UUID from = columnId("raw", "orders", "amount");
    UUID to = columnId("staging", "stg_orders", "amount_usd");
    LineageEdge stored =
        store.edges().find(StoreIds.edgeId(from, to, Direction.DOWNSTREAM)).orElseThrow();
    String fingerprint = stored.queryFingerprint().orElseThrow();
    assertThat(text("edge-title")).isEqualTo("orders.amount → stg_orders.amount_usd");
    assertThat(text("edge-kind")).isEqualTo("from queries");
    assertThat(browser.findElement(By.cssSelector("#details .fingerprint")).getText())
        .isEqualTo(fingerprint);
    assertThat(browser.findElement(By.cssSelector("#details .sample-sql")).getText())
        .contains("INSERT INTO staging.stg_orders");
    // The stage-orders statement runs once a day.
    assertThat(browser.findElement(By.cssSelector("#details .executions")).getText())
        .isEqualTo(String.valueOf(days));
    screenshot("explorer-edge.png");

    WebElement delete = browser.findElement(By.cssSelector("[data-action=delete-edge]"));
    delete.click();
    wait.until(d -> delete.getText().equals("Confirm delete"));
    delete.click();
    wait.until(d -> text("edge-status").startsWith("Deleted"));
    assertThat(store.edges().tombstoned(from, to)).isTrue();
    assertThat(edgeLabels(".edge"))
        .noneMatch(l -> l.startsWith("Column edge orders.amount to stg_orders.amount_usd"));

    browser.findElement(By.id("re-add")).click();
    wait.until(d -> text("edge-kind").equals("manual"));
    assertThat(store.edges().find(StoreIds.edgeId(from, to, Direction.DOWNSTREAM)))
        .get()
        .extracting(LineageEdge::manual)
        .isEqualTo(true);
    assertThat(store.edges().tombstoned(from, to)).isFalse();
    assertThat(text("details")).contains("None: a person added this edge.");
    wait.until(
        d ->
            !browser
                .findElements(
                    By.cssSelector(
                        ".edge.manual[data-id='"
                            + StoreIds.edgeId(from, to, Direction.DOWNSTREAM)
                            + "']"))
                .isEmpty());
  }

  // ---------------------------------------------------------------- page helpers

  private void signIn() {
    browser.get("http://127.0.0.1:" + api.port() + "/");
    WebElement input = wait.until(d -> d.findElement(By.id("token-input")));
    input.sendKeys(token, Keys.ENTER);
    wait.until(d -> d.findElement(By.id("app-view")).isDisplayed());
    wait.until(d -> !d.findElements(By.cssSelector("#health-dead-letters li")).isEmpty());
    screenshot("explorer-health.png");
  }

  private void search(String text) {
    WebElement input = browser.findElement(By.id("search-input"));
    input.clear();
    input.sendKeys(text, Keys.ENTER);
    wait.until(d -> text("search-status").contains("match"));
  }

  private void chooseDepth(int depth) {
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("depth")))
        .selectByValue(String.valueOf(depth));
  }

  /** Keyboard activation: focus the element, press Enter. */
  private void activate(WebElement element) {
    js("arguments[0].focus()", element);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
  }

  private long count(String name) {
    return Long.parseLong(
        browser
            .findElement(By.cssSelector("#health-counts dd[data-count='" + name + "']"))
            .getText()
            .replace(",", ""));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private String bodyData(String name) {
    return (String) js("return document.body.dataset[arguments[0]] || ''", name);
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** The aria-labels of the elements that match, read at once (the graph redraws as a whole). */
  @SuppressWarnings("unchecked")
  private List<String> labels(String css) {
    return (List<String>)
        js(
            "return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.getAttribute('aria-label'))",
            css);
  }

  private Set<String> shownTables() {
    return labels(".node .head").stream()
        .map(l -> l.replaceFirst("^(table|view) ", ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private WebElement tableNode(String qualified) {
    return browser.findElements(By.cssSelector(".node[data-table]")).stream()
        .filter(
            n ->
                n.findElement(By.cssSelector(".head"))
                    .getDomAttribute("aria-label")
                    .endsWith(" " + qualified))
        .findFirst()
        .orElseThrow();
  }

  private double x(String qualified) {
    String transform = tableNode(qualified).getDomAttribute("transform");
    return Double.parseDouble(transform.replaceAll("translate\\(([-0-9.e]+),.*", "$1"));
  }

  private WebElement toggleOf(String table) {
    return browser.findElement(
        By.cssSelector("[data-kind=toggle][aria-label='Show columns of " + table + "']"));
  }

  private List<String> columnsOf(String table) {
    String prefix = "Column " + table + ".";
    return labels(".column").stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()))
        .toList();
  }

  private WebElement column(String tableDotColumn) {
    return browser.findElement(
        By.cssSelector(".column[aria-label='Column " + tableDotColumn + "']"));
  }

  private Set<String> onPath() {
    return labels(".column.on-path").stream()
        .map(l -> l.substring("Column ".length()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<String> edgeLabels(String css) {
    return labels(css + "[data-kind=edge]").stream().sorted().toList();
  }

  /** The label of the edge orders.amount → stg_orders.amount_usd, with its stored kind. */
  private String amountEdge() {
    UUID from = columnId("raw", "orders", "amount");
    UUID to = columnId("staging", "stg_orders", "amount_usd");
    String kind =
        store
            .edges()
            .find(StoreIds.edgeId(from, to, Direction.DOWNSTREAM))
            .orElseThrow()
            .kind()
            .map(k -> ", " + k.jsonName())
            .orElse("");
    return "Column edge orders.amount to stg_orders.amount_usd" + kind;
  }

  /**
   * The edge orders.{@code from} → stg_orders.{@code to} is stored with {@code kind} and drawn with
   * that class and the given dashes (the browser's computed {@code stroke-dasharray}).
   */
  private void assertFlow(String from, String to, String kind, String dashes) {
    UUID source = columnId("raw", "orders", from);
    UUID target = columnId("staging", "stg_orders", to);
    assertThat(store.edges().find(StoreIds.edgeId(source, target, Direction.DOWNSTREAM)))
        .get()
        .extracting(e -> e.kind().map(k -> k.jsonName()).orElse(null))
        .isEqualTo(kind);
    WebElement drawn = edge("Column edge orders." + from + " to stg_orders." + to + ", " + kind);
    assertThat(drawn.getDomAttribute("class")).contains("kind-" + kind);
    assertThat(drawn.findElement(By.cssSelector("path.line")).getCssValue("stroke-dasharray"))
        .isEqualTo(dashes);
  }

  private WebElement edge(String label) {
    return browser.findElement(By.cssSelector(".edge[aria-label='" + label + "']"));
  }

  private void screenshot(String name) {
    try {
      Files.write(screenshots.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- store helpers

  private UUID tableId(String schema, String table) {
    ResourceFilter filter =
        new ResourceFilter(
            Optional.empty(),
            Optional.empty(),
            Optional.of(DB),
            Optional.of(schema),
            Optional.of(table),
            Optional.empty());
    return store.resources().list(filter, 1, 10).results().stream()
        .filter(r -> r.tableId().isEmpty())
        .map(Resource::id)
        .findFirst()
        .orElseThrow();
  }

  private UUID columnId(String schema, String table, String column) {
    return StoreIds.columnId(tableId(schema, table), column);
  }
}
