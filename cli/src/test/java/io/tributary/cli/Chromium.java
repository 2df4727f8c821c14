package io.tributary.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through chromedriver, both from the system's packages (Debian: {@code
 * apt-get install chromium chromium-driver}). A missing browser fails the test: CI installs it.
 */
final class Chromium {

  private Chromium() {}

  static ChromeDriver start(int width, int height) {
    Path browser = onPath("chromium", "chromium-browser", "google-chrome");
    Path driver = onPath("chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return chrome;
  }

  private static Path onPath(String... names) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
    return Stream.of(names)
        .flatMap(n -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, n)))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "none of "
                        + String.join(", ", names)
                        + " is on the PATH: install the browser for the explorer's tests"
                        + " (Debian: apt-get install -y chromium chromium-driver)"));
  }
}
