package se.breachflow.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium, Swedish unless the test asks for English, for the end-to-end tests, with the steps
 * people take in the webapps and Camunda Forms. Screenshots go to target/e2e/ (and, through
 * {@link ScreenshotOnFailure}, of every open session when a test fails). Needs Chromium and ChromeDriver
 * (Debian: chromium, chromium-driver; other paths with -De2e.chromium / -De2e.chromedriver). The tests pass
 * with and without Debian's chromium-l10n: the language is set per session, not taken from the machine.
 */
final class BrowserSession implements AutoCloseable {

  /** The browser's language: what it asks the webapps for and the default locale of its pages' Intl. */
  enum Language {
    SWEDISH("sv-SE", "sv-SE,sv"),
    ENGLISH("en-US", "en-US,en");

    final String locale;
    final String acceptLanguages;

    Language(String locale, String acceptLanguages) {
      this.locale = locale;
      this.acceptLanguages = acceptLanguages;
    }
  }

  /** The screen the page is drawn on: a laptop's, or a phone's (390 × 844 CSS pixels, touch, as an iPhone 14). */
  enum Screen {
    DESKTOP(1366, 900, false),
    PHONE(390, 844, true);

    final int width;
    final int height;
    final boolean mobile;

    Screen(int width, int height, boolean mobile) {
      this.width = width;
      this.height = height;
      this.mobile = mobile;
    }
  }

  static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
  static final String MISSING = "No browser for the end-to-end test: needs Chromium at /usr/bin/chromium and "
      + "ChromeDriver at /usr/bin/chromedriver (apt-get install chromium chromium-driver, or -De2e.chromium / "
      + "-De2e.chromedriver)";
  private static final Path SCREENSHOTS = Path.of("target", "e2e");

  final WebDriver browser;
  /** Where the browser saves what it downloads (PDFs are saved, not shown). */
  final Path downloads;
  final WebDriverWait wait;
  private final String screenshotPrefix;
  private final AtomicInteger timeouts = new AtomicInteger();

  static boolean present() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  BrowserSession(String screenshotPrefix) throws IOException {
    this(screenshotPrefix, Language.SWEDISH);
  }

  BrowserSession(String screenshotPrefix, Language language) throws IOException {
    this(screenshotPrefix, language, Screen.DESKTOP);
  }

  BrowserSession(String screenshotPrefix, Screen screen) throws IOException {
    this(screenshotPrefix, Language.SWEDISH, screen);
  }

  BrowserSession(String screenshotPrefix, Language language, Screen screen) throws IOException {
    this.screenshotPrefix = screenshotPrefix;
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=" + screen.width + "," + screen.height, "--lang=" + language.locale);
    downloads = Files.createDirectories(SCREENSHOTS.resolve("downloads").resolve(screenshotPrefix)).toAbsolutePath();
    try (var old = Files.list(downloads)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.acceptLanguages,
        "download.default_directory", downloads.toString(), "download.prompt_for_download", false,
        "plugins.always_open_pdf_externally", true));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
        // People are in Stockholm; the JVM and the machine run in UTC.
        .withEnvironment(Map.of("TZ", "Europe/Stockholm")).build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    // Headless Chromium takes its pages' default locale (Intl) from the machine's languages (Debian's chromium
    // has only en-US without chromium-l10n); --lang only sets the languages it asks for. The override makes it
    // the same browser on every machine.
    chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", language.locale));
    // The page's viewport exactly (a headless window's size includes no browser frame, but say it anyway).
    chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width,
        "height", screen.height, "deviceScaleFactor", 1, "mobile", screen.mobile));
    browser = chrome;
    wait = waiting(Duration.ofSeconds(30));
  }

  /** The language the browser says it speaks. */
  String navigatorLanguage() {
    return (String) ((JavascriptExecutor) browser).executeScript("return navigator.language;");
  }

  /** Opens a webapp page and logs in on the webapp's login form (password = user id in the demo). */
  void logIn(String url, String user) {
    browser.get(url);
    logIn(user);
  }

  /**
   * Logs in on the webapp login form that is showing, and waits until it has gone. While Tasklist is still
   * starting, the form can be drawn again after the first keystrokes and lose them: then it is filled again.
   */
  void logIn(String user) {
    for (int attempt = 1; ; attempt++) {
      WebElement password = wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
      WebElement name = browser.findElement(By.cssSelector("input[type=text]"));
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys(user, Keys.ENTER);
      try {
        waiting(Duration.ofSeconds(10)).until(
            ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
        return;
      } catch (TimeoutException stillThere) {
        if (attempt == 3) {
          throw stillThere;
        }
      }
    }
  }

  /** The form-js field whose label starts with the given text, inside the given container (XPath). */
  WebElement field(String container, String label) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(container
        + "//div[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.),'" + label + "')]]")));
  }

  void choose(String container, String label, String option) {
    field(container, label).findElement(By.cssSelector(".fjs-input-group")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"))).click();
  }

  /** Ticks the checkbox or radio button labelled with the text (its input, clicked as a person would). */
  void tick(String container, String text) {
    WebElement label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        container + "//label[starts-with(normalize-space(.),'" + text + "')]")));
    String input = label.getAttribute("for");
    if (input == null || input.isBlank()) {
      clickInView(label);
      return;
    }
    // Help texts of neighbouring options overlap some labels; the input itself is what counts.
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
        browser.findElement(By.id(input)));
  }

  /** Clicks the button (or link) with exactly this text. */
  void click(String text) {
    clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//*[self::button or self::a][normalize-space(.)='" + text + "']"))));
  }

  /** Scrolls the element to the middle first: Tasklist's footer covers the bottom of the page. */
  private void clickInView(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** The first file the browser has finished downloading, waiting for it. */
  Path downloaded() {
    return wait.until(browser -> {
      try (var files = Files.list(downloads)) {
        return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload")
            && !file.getFileName().toString().startsWith(".")).findFirst().orElse(null);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** A wait that, when it gives up, first saves what the page showed. */
  private WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(browser, timeout) {
      @Override
      protected RuntimeException timeoutException(String message, Throwable lastException) {
        RuntimeException timeout = super.timeoutException(message, lastException);
        try {
          screenshot("timeout-" + timeouts.incrementAndGet());
        } catch (IOException | RuntimeException e) {
          timeout.addSuppressed(e);
        }
        return timeout;
      }
    };
  }

  /** What the page shows as text (what a person reads), the open dialogs included. */
  String pageText() {
    return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
  }

  /** Camunda's, form-js's and Spring's English texts on the page now ({@link EnglishText}): empty if none. */
  java.util.List<String> englishOnPage() {
    return EnglishText.foundIn(pageText());
  }

  /** How far the page is wider than the screen, in CSS pixels (0: it does not scroll sideways). */
  long sidewaysOverflow() {
    return ((Number) ((JavascriptExecutor) browser).executeScript(
        "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);")).longValue();
  }

  void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(screenshotPrefix + "-" + name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    browser.quit();
  }
}
