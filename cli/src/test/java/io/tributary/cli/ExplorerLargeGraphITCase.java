package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ApiConfig;
import io.tributary.api.LineageApi;
import io.tributary.connectors.store.DerivedEdge;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.connectors.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * The explorer on a store of 5,000 tables: a table with 20 downstream tables, each with 25 of its
 * own, opens collapsed ("+k more" beyond 12 neighbours), expands on a click, and draws all 521
 * tables at once in under a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerLargeGraphITCase {

  private static final int TABLES = 5_000;
  private static final int MIDDLE = 20;
  private static final int LEAVES = 25;

  private TestDatabase database;
  private LineageStore store;
  private LineageApi api;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void start() {
    database = TestDatabase.h2();
    store = LineageStore.open(database.jdbcUrl(), 4);
    List<ResourceRow> tables = new ArrayList<>();
    for (int i = 0; i < TABLES; i++) {
      tables.add(
          ResourceRow.table(
              Optional.empty(),
              Optional.of("big"),
              Optional.of("s" + (i % 50)),
              i == 0 ? "hub_root" : String.format("t%04d", i),
              EntityType.TABLE,
              Optional.empty(),
              false));
    }
    store.resources().upsert(tables);
    List<DerivedEdge> edges = new ArrayList<>();
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    for (int m = 1; m <= MIDDLE; m++) {
      edges.add(new DerivedEdge(tables.get(0).id(), tables.get(m).id(), now, Optional.empty()));
      for (int l = 0; l < LEAVES; l++) {
        int leaf = MIDDLE + 1 + (m - 1) * LEAVES + l;
        edges.add(
            new DerivedEdge(tables.get(m).id(), tables.get(leaf).id(), now, Optional.empty()));
      }
    }
    store.edges().upsertDerived(edges);
    String token = store.tokens().create("explorer test");
    api = LineageApi.start(store, ApiConfig.builder().host("127.0.0.1").port(0).build());
    browser = Chromium.start(1600, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    browser.get("http://127.0.0.1:" + api.port() + "/");
    wait.until(d -> d.findElement(By.id("token-input"))).sendKeys(token, Keys.ENTER);
    wait.until(d -> !d.findElements(By.cssSelector("#health-counts dd")).isEmpty());
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
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aWideGraphOpensCollapsedExpandsOnClickAndDrawsAllOfIt() {
    assertThat(browser.findElement(By.cssSelector("dd[data-count='Tables']")).getText())
        .isEqualTo("5,000");
    WebElement search = browser.findElement(By.id("search-input"));
    search.sendKeys("hub_root", Keys.ENTER);
    WebElement result =
        wait.until(d -> d.findElement(By.cssSelector("#search-results button.result")));
    // The first walk of a fresh server warms it up (class loading, JIT, the database's plans);
    // a user's first graph comes from a server that has answered requests before.
    result.sendKeys(Keys.ENTER);
    wait.until(d -> !data("graphRoot").isEmpty());
    String cold = data("graphMs");
    for (int warm = 0; warm < 2; warm++) {
      ((JavascriptExecutor) browser).executeScript("document.body.dataset.graphRoot = ''");
      result.sendKeys(Keys.ENTER);
      wait.until(d -> !data("graphRoot").isEmpty());
    }

    // 12 of the 20 middle tables, 12 of each one's 25 leaves: 1 + 12 + 144.
    assertThat(data("visibleTables")).isEqualTo("157");
    // The walk reaches all 521 tables (a 340 kB answer) though 157 are drawn, then the browser
    // lays out and paints them.
    assertThat(Integer.parseInt(data("graphMs")))
        .as("fetch %s ms, render %s ms (cold: %s ms)", data("fetchMs"), data("renderMs"), cold)
        .isLessThan(3000);
    assertThat(browser.findElement(By.id("graph-status")).getText())
        .startsWith("157 of 521 tables shown");

    screenshot("explorer-large-graph.png");

    WebElement more =
        browser.findElement(By.cssSelector("[data-kind=more][aria-label='Show 8 more tables']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", more);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(d -> data("visibleTables").equals("261")); // 1 + 20 + 20 * 12

    WebElement fanout = browser.findElement(By.id("fanout"));
    fanout.clear();
    fanout.sendKeys("1000", Keys.TAB);
    wait.until(d -> data("visibleTables").equals("521"));
    assertThat(browser.findElements(By.cssSelector(".node[data-table]"))).hasSize(521);
    assertThat(Integer.parseInt(data("renderMs"))).isLessThan(1000);
  }

  private void screenshot(String name) {
    try {
      Path dir =
          Files.createDirectories(
              Path.of(System.getProperty("explorer.screenshots", "target/screenshots")));
      Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String data(String name) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript("return document.body.dataset[arguments[0]] || ''", name);
  }
}
